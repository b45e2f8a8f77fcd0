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

/**
 * Waits (up to `timeoutMs`) until `to` has been sent `count` e-mails, then returns the link to
 * `linkPath` in the last one, with its `#token=` (a 43-character token): what a person would click.
 */
export async function lastLinkTo(dir: string, to: string, linkPath: string, count: number, timeoutMs = 10_000): Promise<{ url: string; token: string }> {
  const deadline = Date.now() + timeoutMs;
  let mails = (await readOutbox(dir)).filter((mail) => mail.to === to);
  while (mails.length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    mails = (await readOutbox(dir)).filter((mail) => mail.to === to);
  }
  if (mails.length !== count) throw new Error(`expected ${count} e-mails to ${to}, found ${mails.length}`);
  const text = mails.at(-1)!.text;
  const found = new RegExp(`https?://\\S+?${linkPath}#token=([A-Za-z0-9_-]{43})`).exec(text);
  if (!found) throw new Error(`no ${linkPath} link in the e-mail to ${to}:\n${text}`);
  return { url: found[0], token: found[1]! };
}
