import type { ChannelNotification } from "@/contracts/alerts";
import { alertNotificationText, truncateText } from "@/server/alerts/delivery/alertNotificationText";

/** A notification as an e-mail's subject and plain-text body. */
export function alertEmail(notification: ChannelNotification): { subject: string; text: string } {
  const text = alertNotificationText(notification);
  // A subject is one line: a rule name or group with line breaks must not start the body (header injection).
  const subject = truncateText(`[Liveloop] ${text.title}`.replace(/\s+/g, " "), 200);
  const width = Math.max(...text.fields.map((field) => field.label.length));
  const body = [
    text.title,
    "",
    text.summary,
    "",
    ...text.fields.map((field) => `${`${field.label}:`.padEnd(width + 2)}${field.value}`),
    "",
    `Open in Liveloop: ${text.url}`,
    "",
    "Sent by Liveloop alerts. Silence or change the rule on the page above.",
  ].join("\n");
  return { subject, text: body };
}
