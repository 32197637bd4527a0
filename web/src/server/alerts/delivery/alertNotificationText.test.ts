import { describe, expect, it } from "vitest";
import type { AlertNotification } from "@/contracts/alerts";
import { alertNotificationText, formatAlertDuration, formatRelativeChange } from "@/server/alerts/delivery/alertNotificationText";
import { alertEmail } from "@/server/alerts/delivery/alertEmail";
import { testAlertNotification } from "@/server/alerts/delivery/testAlertChannel";

const now = new Date("2026-11-28T09:15:00.000Z");

function notification(type: AlertNotification["type"], data: Partial<AlertNotification["data"]>): AlertNotification {
  const base = testAlertNotification(
    "4f6f0f5e-0a37-4d36-9a57-1c1b3f1f6b2e",
    "ops",
    now,
    "https://liveloop.example.com/projects/p/alerts/r",
  );
  return { ...base, type, data: { ...base.data, ruleName: "p95 latency", ...data } };
}

describe("alert notification text", () => {
  it("reads a latency alert in seconds against its level, with the window and the time it started", () => {
    const text = alertNotificationText(notification("alert.firing", {}));
    expect(text.title).toBe("Firing (critical): p95 latency");
    expect(text.summary).toBe("Latency p95 over the last 30 min: 6.20 s (above 5.00 s).");
    expect(text.fields).toEqual([
      { label: "Metric", value: "Latency p95" },
      { label: "Value", value: "6.20 s (above 5.00 s)" },
      { label: "Window", value: "last 30 min" },
      { label: "Since", value: "2026-11-28 09:15 UTC" },
    ]);
  });

  it("shows shares as percentages and costs in dollars, names the group, and says a resolved value is back", () => {
    const rate = alertNotificationText(
      notification("alert.resolved", {
        metric: "errorRate",
        metricLabel: "Error rate",
        value: 0.018,
        level: 0.05,
        severity: "warning",
        windowSeconds: 3_600,
        group: "gpt-4o",
        groupBy: "model",
      }),
    );
    expect(rate.title).toBe("Resolved: p95 latency [model: gpt-4o]");
    expect(rate.summary).toBe("Error rate for model: gpt-4o over the last 1 h: 1.8% (back below 5.0%).");
    const cost = alertNotificationText(
      notification("alert.reminder", { metric: "costUsd", metricLabel: "Cost", value: 7.5, level: 5, group: "u-42", groupBy: "user" }),
    );
    expect(cost.title).toBe("Still firing (critical): p95 latency [user: u-42]");
    expect(cost.fields.find((field) => field.label === "Value")?.value).toBe("$7.5000 (above $5.0000)");
  });

  it("reads a change rule as the change against an earlier window and its level", () => {
    const text = alertNotificationText(
      notification("alert.firing", {
        metric: "thumbsDownRate",
        metricLabel: "Thumbs-down rate",
        value: 0.121,
        compared: 0.34,
        level: 0.2,
        relative: true,
        windowSeconds: 3_600,
      }),
    );
    expect(text.fields[1]).toEqual({ label: "Value and change", value: "12.1%, +34% against an earlier window (above +20%)" });
  });

  it("says no data rather than a number when there was none", () => {
    expect(alertNotificationText(notification("alert.resolved", { value: null })).summary).toBe(
      "Latency p95 over the last 30 min: no data.",
    );
  });

  it("formats durations and changes as people write them", () => {
    expect([60, 1_800, 3_600, 5_400, 86_400, 7 * 86_400].map(formatAlertDuration)).toEqual([
      "1 min",
      "30 min",
      "1 h",
      "1 h 30 min",
      "1 day",
      "7 days",
    ]);
    expect([0.2, -0.3, 0.055, -0.004].map(formatRelativeChange)).toEqual(["+20%", "-30%", "+5.5%", "-0.4%"]);
  });
});

describe("alert e-mail", () => {
  it("has a one-line subject even when a rule name has line breaks, and a body with the figures and the link", () => {
    const mail = alertEmail(notification("alert.firing", { ruleName: "p95\r\nBcc: everyone@example.com" }));
    expect(mail.subject).toBe("[Liveloop] Firing (critical): p95 Bcc: everyone@example.com");
    expect(mail.text).toContain("Value:  6.20 s (above 5.00 s)");
    expect(mail.text).toContain("Open in Liveloop: https://liveloop.example.com/projects/p/alerts/r");
  });
});
