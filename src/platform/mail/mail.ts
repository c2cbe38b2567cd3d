import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Env } from '../config/env.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail; the one edge the digest test replaces with a real SMTP server on loopback. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * An SMTP mailer from the configuration, or null when SMTP_HOST is not set (then nothing is sent,
 * and the digest job says so once in the log). The password never reaches a log line.
 */
export function createMailer(env: Env, log: Logger): Mailer | null {
  if (!env.SMTP_HOST) return null;
  const transport = nodemailer.createTransport({
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE,
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : undefined,
    // A digest is not worth holding a job for minutes: give up and try again the next day.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({ from: env.MAIL_FROM, to: message.to, subject: message.subject, text: message.text });
      log.debug({ messageId: info.messageId }, 'mail sent');
    },
    close: () => transport.close(),
  };
}
