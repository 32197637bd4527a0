import type { z } from "zod";
import type { AlertChannelInput, AlertChannelView, alertChannelCreatedSchema } from "@/contracts/alerts";
import { isUniqueViolation, type Database } from "@/server/db/client";
import { BadRequestError, ConflictError, NotFoundError } from "@/server/errors";
import { outboundUrlProblemNow } from "@/server/http/outboundUrls";
import { isChannelFailing } from "@/server/alerts/delivery/alertDeliveryPolicy";
import { newWebhookSecret } from "@/server/alerts/delivery/standardWebhooks";
import { webhookPolicy, type WebhookPolicyOptions } from "@/server/alerts/delivery/webhookPolicy";

export type AlertChannelCreated = z.infer<typeof alertChannelCreatedSchema>;

/** Every column a channel shows: never its secret. */
const channelSelect = {
  id: true,
  name: true,
  type: true,
  url: true,
  recipients: true,
  consecutiveFailures: true,
  lastError: true,
  lastDeliveredAt: true,
  createdAt: true,
  _count: { select: { rules: true } },
} as const;

interface ChannelRow {
  id: string;
  name: string;
  type: AlertChannelView["type"];
  url: string | null;
  recipients: string[];
  consecutiveFailures: number;
  lastError: string | null;
  lastDeliveredAt: Date | null;
  createdAt: Date;
  _count: { rules: number };
}

/**
 * A webhook URL as it may be shown: scheme, host and first path segment, the rest masked.
 * A Slack incoming-webhook URL is itself the credential (https://hooks.slack.com/services/…).
 */
export function maskChannelUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "…";
  }
  const [first, ...rest] = url.pathname.split("/").filter(Boolean);
  const hidden = rest.length > 0 || url.search !== "" || url.hash !== "";
  return `${url.origin}${first === undefined ? "" : `/${first}`}${hidden ? "/…" : ""}`;
}

/** The one way a channel leaves the server. */
export function serializeAlertChannel(row: ChannelRow): AlertChannelView {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    url: row.url === null ? null : maskChannelUrl(row.url),
    to: row.recipients,
    failing: isChannelFailing(row.consecutiveFailures),
    consecutiveFailures: row.consecutiveFailures,
    lastError: row.lastError,
    lastDeliveredAt: row.lastDeliveredAt?.toISOString() ?? null,
    rules: row._count.rules,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Recipients as one list, each address once (addresses compare case-insensitively). */
function recipientsOf(to: AlertChannelInput["to"]): string[] {
  const list = to === undefined ? [] : Array.isArray(to) ? to : [to];
  const seen = new Map<string, string>();
  for (const address of list) if (!seen.has(address.toLowerCase())) seen.set(address.toLowerCase(), address);
  return [...seen.values()];
}

/**
 * Adds a channel. A webhook gets a new Standard Webhooks secret, answered this once and
 * never again. Webhook and Slack URLs that point at loopback, private or link-local
 * addresses are refused here when written as such (400 naming url); names are resolved
 * and checked again at every delivery.
 */
export async function createAlertChannel(
  database: Database,
  projectId: string,
  input: AlertChannelInput,
  now: Date,
  options: WebhookPolicyOptions = {},
): Promise<AlertChannelCreated> {
  if (input.url !== undefined) {
    const problem = outboundUrlProblemNow(input.url, webhookPolicy(options));
    if (problem) throw new BadRequestError(`url: ${problem}`, [{ path: ["url"], message: problem }]);
  }
  const secret = input.type === "webhook" ? newWebhookSecret() : null;
  try {
    const row = await database.alertChannel.create({
      data: {
        projectId,
        name: input.name,
        type: input.type,
        url: input.type === "email" ? null : (input.url ?? null),
        recipients: input.type === "email" ? recipientsOf(input.to) : [],
        secret,
        createdAt: now,
      },
      select: channelSelect,
    });
    return { ...serializeAlertChannel(row), ...(secret === null ? {} : { secret }) };
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`An alert channel named ${input.name} already exists in this project`);
    throw error;
  }
}

/** The project's channels, oldest first, with their delivery health and how many rules use each. */
export async function listAlertChannels(database: Database, projectId: string): Promise<AlertChannelView[]> {
  const rows = await database.alertChannel.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    select: channelSelect,
  });
  return rows.map(serializeAlertChannel);
}

/** Removes a channel; rules that used it stop notifying it and its queued deliveries go with it. */
export async function deleteAlertChannel(database: Database, projectId: string, channelId: string): Promise<void> {
  const { count } = await database.alertChannel.deleteMany({ where: { projectId, id: channelId } });
  if (count === 0) throw new NotFoundError(`No alert channel ${channelId} in this project`);
}
