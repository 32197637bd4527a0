import { endpoint } from "@/server/api/endpoint";
import { callerProjectId } from "@/server/api/caller";
import { keyOrProjectParams } from "@/contracts/common";
import {
  alertChannelCreatedSchema,
  alertChannelInputSchema,
  alertChannelListSchema,
  alertChannelParams,
  alertChannelTestResultSchema,
} from "@/contracts/alerts";
import { createAlertChannel, deleteAlertChannel, listAlertChannels } from "@/server/alerts/alertChannels";
import { testAlertChannel } from "@/server/alerts/delivery/testAlertChannel";

export const alertChannelCreateRoute = endpoint({
  method: "POST",
  path: ["/api/v1/alert-channels", "/api/v1/projects/{projectId}/alert-channels"],
  summary:
    "Add where alert notifications go: a webhook signed per Standard Webhooks, a Slack incoming webhook, or e-mail (with SMTP_URL set)",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "alerts:manage",
  params: keyOrProjectParams,
  body: alertChannelInputSchema,
  status: 201,
  response: alertChannelCreatedSchema,
  answers: "Created; a webhook's whsec_ signing secret is in this answer only",
  handler: ({ database, caller, body, now }) => createAlertChannel(database, callerProjectId(caller), body, now),
});

export const alertChannelListRoute = endpoint({
  method: "GET",
  path: ["/api/v1/alert-channels", "/api/v1/projects/{projectId}/alert-channels"],
  summary: "The project's alert channels with their delivery health (URLs masked, secrets never shown)",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "alerts:read",
  params: keyOrProjectParams,
  response: alertChannelListSchema,
  answers: "Oldest first",
  handler: async ({ database, caller }) => ({ data: await listAlertChannels(database, callerProjectId(caller)) }),
});

export const alertChannelDeleteRoute = endpoint({
  method: "DELETE",
  path: ["/api/v1/alert-channels/{channelId}", "/api/v1/projects/{projectId}/alert-channels/{channelId}"],
  summary: "Remove an alert channel: rules stop notifying it and its queued notifications are dropped",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "alerts:manage",
  params: alertChannelParams,
  answers: "Removed",
  handler: ({ database, caller, params }) => deleteAlertChannel(database, callerProjectId(caller), params.channelId),
});

export const alertChannelTestRoute = endpoint({
  method: "POST",
  path: ["/api/v1/alert-channels/{channelId}/test", "/api/v1/projects/{projectId}/alert-channels/{channelId}/test"],
  summary: "Send a test notification now, rendered and signed as real ones are, and say how the receiver answered",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "alerts:manage",
  params: alertChannelParams,
  response: alertChannelTestResultSchema,
  answers: "Sent or not: delivered, the receiver's HTTP status and the error",
  handler: ({ database, caller, params, now }) => testAlertChannel(database, callerProjectId(caller), params.channelId, now),
});

export const alertChannelEndpoints = [
  alertChannelCreateRoute,
  alertChannelListRoute,
  alertChannelDeleteRoute,
  alertChannelTestRoute,
] as const;
