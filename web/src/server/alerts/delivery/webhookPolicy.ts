import { env } from "@/env";
import type { OutboundPolicy } from "@/server/http/outboundUrls";

/** What tests (and only tests) set instead of the environment: the private-network switch and DNS. */
export interface WebhookPolicyOptions {
  /** Default: LIVELOOP_ALLOW_PRIVATE_WEBHOOKS (not the judges' LIVELOOP_OUTBOUND_ALLOW_PRIVATE). */
  allowPrivateWebhooks?: boolean | undefined;
  resolve?: OutboundPolicy["resolve"];
}

/** Where alert webhooks and Slack messages may go: public addresses, and private ones where the operator allows. */
export function webhookPolicy(options: WebhookPolicyOptions = {}): OutboundPolicy {
  return {
    allowPrivate: options.allowPrivateWebhooks ?? env().LIVELOOP_ALLOW_PRIVATE_WEBHOOKS,
    allowPrivateVariable: "LIVELOOP_ALLOW_PRIVATE_WEBHOOKS",
    resolve: options.resolve,
  };
}
