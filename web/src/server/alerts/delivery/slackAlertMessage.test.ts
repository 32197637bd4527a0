import { describe, expect, it } from "vitest";
import type { AlertNotification } from "@/contracts/alerts";
import { slackAlertMessage, slackLimits, type SlackBlock } from "@/server/alerts/delivery/slackAlertMessage";
import { testAlertNotification } from "@/server/alerts/delivery/testAlertChannel";

const now = new Date("2026-11-28T09:15:00.000Z");
const url = "https://liveloop.example.com/projects/p/alerts/r";

function notification(data: Partial<AlertNotification["data"]>): AlertNotification {
  const base = testAlertNotification("4f6f0f5e-0a37-4d36-9a57-1c1b3f1f6b2e", "ops", now, url);
  return { ...base, type: "alert.firing", data: { ...base.data, ruleName: "Cost per user", ...data } };
}

/** Every text Slack measures, with the limit it is measured against. */
function measuredTexts(blocks: SlackBlock[]): { text: string; limit: number }[] {
  return blocks.flatMap((block): { text: string; limit: number }[] => {
    switch (block.type) {
      case "header":
        return [{ text: block.text.text, limit: slackLimits.header }];
      case "section":
        return "text" in block
          ? [{ text: block.text.text, limit: slackLimits.sectionText }]
          : block.fields.map((field) => ({ text: field.text, limit: slackLimits.field }));
      case "actions":
        return block.elements.map((element) => ({ text: element.text.text, limit: slackLimits.buttonText }));
    }
  });
}

describe("Slack alert message", () => {
  it("is an incoming-webhook message: fallback text, a header, the summary, the figures and a button to the rule", () => {
    const message = slackAlertMessage(
      notification({ metric: "costUsd", metricLabel: "Cost", value: 7.5, level: 5, group: "u-42", groupBy: "user" }),
    );
    expect(message.text).toBe(
      "Firing (critical): Cost per user [user: u-42]: Cost for user: u-42 over the last 30 min: $7.5000 (above $5.0000).",
    );
    expect(message.blocks.map((block) => block.type)).toEqual(["header", "section", "section", "actions"]);
    expect(message.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Firing (critical): Cost per user [user: u-42]", emoji: true },
    });
    const fields = message.blocks[2];
    expect(fields?.type === "section" && "fields" in fields ? fields.fields.map((field) => field.text) : []).toEqual([
      "*Metric*\nCost",
      "*Value*\n$7.5000 (above $5.0000)",
      "*Window*\nlast 30 min",
      "*Group*\nuser: u-42",
      "*Since*\n2026-11-28 09:15 UTC",
    ]);
    expect(message.blocks[3]).toEqual({
      type: "actions",
      elements: [{ type: "button", text: { type: "plain_text", text: "Open in Liveloop", emoji: true }, url }],
    });
  });

  it("keeps every text within Slack's limits for a huge rule name and group value, cut with an ellipsis", () => {
    const group = `${"<user>&".repeat(2_000)}tail`;
    const message = slackAlertMessage(notification({ ruleName: "R".repeat(5_000), group, groupBy: "user" }));
    const texts = measuredTexts(message.blocks);
    for (const { text, limit } of texts) expect(text.length).toBeLessThanOrEqual(limit);
    expect(message.text.length).toBeLessThanOrEqual(slackLimits.sectionText);
    const header = texts[0]?.text ?? "";
    expect(header).toMatch(/^Firing \(critical\): R+… \[user: <user>&.*…\]$/);
    // Escaped for mrkdwn (no mention or link can be smuggled in) and never cut inside an entity.
    const groupField = texts.find(({ text }) => text.startsWith("*Group*"))?.text ?? "";
    expect(groupField).toMatch(/^\*Group\*\nuser: (&lt;user&gt;&amp;)+.*…$/);
    expect(groupField).not.toMatch(/&(a|am|l|g)?…$/);
    // The summary survives whole: the group is cut first, not the sentence.
    expect(texts[1]?.text).toMatch(/^Latency p95 for user: (&lt;user&gt;&amp;){71}.*… over the last 30 min: 6\.20 s \(above 5\.00 s\)\.$/);
    expect(texts.slice(1).every(({ text }) => !text.includes("<user>"))).toBe(true);
  });

  it("does not split an emoji (a surrogate pair) when it cuts", () => {
    const message = slackAlertMessage(notification({ ruleName: "🔥".repeat(200) }));
    const header = measuredTexts(message.blocks)[0]?.text ?? "";
    expect(header.length).toBeLessThanOrEqual(slackLimits.header);
    expect(header).toMatch(/^Firing \(critical\): (🔥)+…$/u);
  });
});
