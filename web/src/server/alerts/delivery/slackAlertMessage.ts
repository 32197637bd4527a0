// A notification as a Slack incoming-webhook message (Block Kit). Slack rejects a whole
// message when one block is over its limit, so every people-given text is cut to fit.
import type { ChannelNotification } from "@/contracts/alerts";
import { alertNotificationText, truncateText } from "@/server/alerts/delivery/alertNotificationText";

/** Block Kit's limits: header text, a section's text, each of a section's fields, a button's text. */
export const slackLimits = { header: 150, sectionText: 3_000, field: 2_000, buttonText: 75 } as const;

type PlainText = { type: "plain_text"; text: string; emoji: true };
type Mrkdwn = { type: "mrkdwn"; text: string };
export type SlackBlock =
  | { type: "header"; text: PlainText }
  | { type: "section"; text: Mrkdwn }
  | { type: "section"; fields: Mrkdwn[] }
  | { type: "actions"; elements: { type: "button"; text: PlainText; url: string }[] };

export interface SlackMessage {
  /** The notification text of phones and desktop pop-ups, and what clients without blocks show. */
  text: string;
  blocks: SlackBlock[];
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
/** Slack reads <...> as links and mentions; people-given text is escaped so it cannot ping or link. */
const escapeSlack = (text: string) => text.replace(/[&<>]/g, (character) => escapes[character] ?? character);

/** `raw` escaped for mrkdwn and cut (before escaping, so no entity is split) to at most `max` characters. */
function slackText(raw: string, max: number): string {
  let keep = raw.length;
  for (;;) {
    const escaped = escapeSlack(truncateText(raw, keep));
    if (escaped.length <= max) return escaped;
    keep = Math.max(1, keep - (escaped.length - max));
  }
}

const plain = (text: string, max: number): PlainText => ({ type: "plain_text", text: truncateText(text, max), emoji: true });

/** The message for a notification: a header, the summary, the figures as fields and a button to the rule. */
export function slackAlertMessage(notification: ChannelNotification): SlackMessage {
  // The header names rule and group shortly; the body has room for a long group (escaping may make it 5 times longer).
  const short = alertNotificationText(notification, { ruleName: 80, group: 40 });
  const full = alertNotificationText(notification, { group: 500 });
  const field = ({ label, value }: { label: string; value: string }): Mrkdwn => ({
    type: "mrkdwn",
    text: `*${label}*\n${slackText(value, slackLimits.field - label.length - 3)}`,
  });
  return {
    text: slackText(`${short.title}: ${short.summary}`, slackLimits.sectionText),
    blocks: [
      { type: "header", text: plain(short.title, slackLimits.header) },
      { type: "section", text: { type: "mrkdwn", text: slackText(full.summary, slackLimits.sectionText) } },
      { type: "section", fields: full.fields.map(field) },
      { type: "actions", elements: [{ type: "button", text: plain("Open in Liveloop", slackLimits.buttonText), url: full.url }] },
    ],
  };
}
