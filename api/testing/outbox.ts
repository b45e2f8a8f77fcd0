import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';

/** The e-mails an app (without SMTP) wrote to its outbox so far, oldest first, parsed as a mail client would. */
export async function readOutbox(dir: string): Promise<Array<{ to: string; subject: string; text: string }>> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).sort();
  return Promise.all(
    files.map(async (name) => {
      const parsed = await simpleParser(await readFile(path.join(dir, name)));
      const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
      return { to: to?.value[0]?.address ?? '', subject: parsed.subject ?? '', text: parsed.text ?? '' };
    }),
  );
}
