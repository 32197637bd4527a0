import nodemailer from "nodemailer";
import { env } from "@/env";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail through SMTP_URL; tests point it at a local SMTP server. */
export interface Mailer {
  send(message: MailMessage): Promise<boolean>;
}

/**
 * A mailer for `smtpUrl`, or one that sends nothing when it is unset. A failed send is
 * logged and reported as not sent: the link is shown to the person who asked anyway.
 */
export function createMailer(smtpUrl: string | undefined, from: string | undefined): Mailer {
  if (!smtpUrl) return { send: () => Promise.resolve(false) };
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      try {
        await transport.sendMail({ from: from ?? "Liveloop <liveloop@localhost>", ...message });
        return true;
      } catch (error) {
        console.error("Sending mail failed", error);
        return false;
      }
    },
  };
}

let processMailer: Mailer | undefined;

/** The mailer of this process, from SMTP_URL and SMTP_FROM. */
export function mailer(): Mailer {
  processMailer ??= createMailer(env().SMTP_URL, env().SMTP_FROM);
  return processMailer;
}
