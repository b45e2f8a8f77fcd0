import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import type { Logger } from './logger.ts';

/** One plain-text e-mail to one person. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message (or the outbox file is written). */
  send(mail: Mail): Promise<void>;
  /** Where mail goes, for the start-up log: `smtp` or the outbox folder. */
  readonly destination: string;
  close(): void;
}

/**
 * Outgoing e-mail through nodemailer. With `smtpUrl` (smtp:// or smtps://, credentials in the URL)
 * messages go to that server; without one — a laptop running `npm start` has no mail server — each
 * message is written whole as an .eml file to the outbox folder, and the log names the file, so a
 * password-reset link can still be followed while testing.
 */
export function createMailer(options: { smtpUrl: string | undefined; from: string; outboxDir: string; logger: Logger }): Mailer {
  const { from, logger } = options;
  if (options.smtpUrl) {
    const transport = createTransport(options.smtpUrl, { from });
    return {
      destination: 'smtp',
      async send(mail) {
        await transport.sendMail({ ...mail, from });
      },
      close: () => transport.close(),
    };
  }
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' }, { from });
  return {
    destination: options.outboxDir,
    async send(mail) {
      const { message } = await transport.sendMail({ ...mail, from });
      await mkdir(options.outboxDir, { recursive: true });
      // Time first, so a directory listing reads in the order mail was sent.
      const file = path.join(options.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
      await writeFile(file, message as Buffer, { mode: 0o600 });
      logger.info('no SMTP_URL set: e-mail written to the outbox instead of sent', { file, subject: mail.subject });
    },
    close: () => transport.close(),
  };
}
