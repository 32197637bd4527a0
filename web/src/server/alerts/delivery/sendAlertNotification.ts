// One attempt to hand one notification to one channel. Every outcome is a value that says
// whether trying again may help; nothing here touches the database.
import type { ChannelNotification } from "@/contracts/alerts";
import { env } from "@/env";
import { guardedFetch, OutboundUrlRefusedError } from "@/server/http/outboundUrls";
import { retryAfterMs } from "@/server/llm/openAiHttp";
import { mailer as processMailer, type Mailer } from "@/server/mail/mailer";
import { alertDeliveryPolicy } from "@/server/alerts/delivery/alertDeliveryPolicy";
import { alertEmail } from "@/server/alerts/delivery/alertEmail";
import { slackAlertMessage } from "@/server/alerts/delivery/slackAlertMessage";
import { standardWebhookSignature } from "@/server/alerts/delivery/standardWebhooks";
import { webhookPolicy, type WebhookPolicyOptions } from "@/server/alerts/delivery/webhookPolicy";

/** The parts of a channel that sending needs (its secret included: this never leaves the server). */
export interface AlertChannelTarget {
  type: "webhook" | "slack" | "email";
  url: string | null;
  recipients: string[];
  secret: string | null;
}

/** What sending takes from outside; tests give a local network policy, short timeouts and their own SMTP server. */
export interface AlertSendDependencies extends WebhookPolicyOptions {
  fetch?: typeof fetch | undefined;
  /** Default: the process's mailer when SMTP_URL is set; null: no SMTP. */
  mailer?: Mailer | null | undefined;
  timeoutMs?: number | undefined;
}

export interface FailedAttempt {
  delivered: false;
  status: number | null;
  error: string;
  /** Whether another attempt may go better (a timeout, a 5xx), as opposed to an answer that will not change. */
  retry: boolean;
  /** The receiver's Retry-After, capped. */
  retryAfterSeconds?: number | undefined;
}
export type AttemptOutcome = { delivered: true; status: number | null } | FailedAttempt;

const userAgent = "Liveloop-Alerts/1";

const failed = (error: string, retry: boolean, status: number | null = null): FailedAttempt => ({ delivered: false, status, error, retry });

/** The start of a receiver's answer, on one line, for lastError. */
const snippet = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 200);

function answerOutcome(response: Response, text: string, nowMs: number): AttemptOutcome {
  const { status } = response;
  if (status >= 200 && status < 300) return { delivered: true, status };
  if (status >= 300 && status < 400)
    return failed(
      `answered HTTP ${status}, a redirect${response.headers.get("location") ? ` to ${response.headers.get("location")}` : ""}; redirects are not followed: give the channel the final URL`,
      false,
      status,
    );
  const answer = `answered HTTP ${status}${snippet(text) ? `: ${snippet(text)}` : ""}`;
  // 408 and 429 are the receiver asking for time, as 5xx are its own trouble: worth another try.
  if (status === 408 || status === 429 || status >= 500) {
    const waitMs = retryAfterMs(response.headers, nowMs);
    return {
      ...failed(answer, true, status),
      retryAfterSeconds: waitMs === undefined ? undefined : Math.min(alertDeliveryPolicy.maxRetryAfterSeconds, Math.ceil(waitMs / 1000)),
    };
  }
  // Any other 4xx (a removed Slack hook, a rejected signature) will answer the same next time.
  return failed(answer, false, status);
}

async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  now: Date,
  dependencies: AlertSendDependencies,
): Promise<AttemptOutcome> {
  const timeoutMs = dependencies.timeoutMs ?? alertDeliveryPolicy.timeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  // The guard resolves the host now, at delivery, so a name that has moved to a private address is refused.
  const send = guardedFetch(webhookPolicy(dependencies), dependencies.fetch ?? fetch);
  try {
    const response = await send(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": userAgent, ...headers },
      body,
      signal: timeout,
      redirect: "manual",
    });
    // The timeout covers the answer's body too: a receiver may send headers and then stall.
    return answerOutcome(response, await response.text(), now.getTime());
  } catch (error) {
    // Where the URL leads is configuration that will not change by itself: no retry.
    if (error instanceof OutboundUrlRefusedError) return failed(`not sent: ${error.message}`, false);
    if (timeout.aborted) return failed(`no answer within ${timeoutMs / 1000} s`, true);
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return failed(`could not be reached (${cause})`, true);
  }
}

/** Resolves when `signal` aborts; the mailer has no deadline of its own short enough. */
const aborted = (signal: AbortSignal) =>
  new Promise<"timeout">((resolve) => {
    signal.addEventListener("abort", () => {
      resolve("timeout");
    });
  });

async function sendEmail(
  target: AlertChannelTarget,
  notification: ChannelNotification,
  dependencies: AlertSendDependencies,
): Promise<AttemptOutcome> {
  const mailer = dependencies.mailer === undefined ? (env().SMTP_URL ? processMailer() : null) : dependencies.mailer;
  if (!mailer) return failed("SMTP_URL is not set: this server cannot send e-mail", false);
  const timeoutMs = dependencies.timeoutMs ?? alertDeliveryPolicy.timeoutMs;
  const sent = await Promise.race([
    mailer.send({ to: target.recipients.join(", "), ...alertEmail(notification) }),
    aborted(AbortSignal.timeout(timeoutMs)),
  ]);
  if (sent === "timeout") return failed(`the SMTP server did not take the message within ${timeoutMs / 1000} s`, true);
  return sent ? { delivered: true, status: null } : failed("the SMTP server did not take the message (the server log says why)", true);
}

/**
 * Sends `notification` to one channel: a webhook gets it as JSON signed per Standard
 * Webhooks (`deliveryId` is its webhook-id, the same on every retry), Slack a Block Kit
 * message, e-mail a plain-text message. `now` is this attempt's webhook-timestamp.
 */
export async function sendAlertNotification(
  target: AlertChannelTarget,
  deliveryId: string,
  notification: ChannelNotification,
  now: Date,
  dependencies: AlertSendDependencies = {},
): Promise<AttemptOutcome> {
  switch (target.type) {
    case "email":
      return sendEmail(target, notification, dependencies);
    case "slack":
      if (!target.url) return failed("the channel has no URL", false);
      return postJson(target.url, JSON.stringify(slackAlertMessage(notification)), {}, now, dependencies);
    case "webhook": {
      if (!target.url || !target.secret) return failed("the channel has no URL or signing secret", false);
      const body = JSON.stringify(notification);
      const timestamp = Math.floor(now.getTime() / 1000);
      return postJson(
        target.url,
        body,
        {
          "webhook-id": deliveryId,
          "webhook-timestamp": String(timestamp),
          "webhook-signature": standardWebhookSignature(target.secret, deliveryId, timestamp, body),
        },
        now,
        dependencies,
      );
    }
  }
}
