import { env } from "@/env";
import type { OutboundPolicy } from "@/server/http/outboundUrls";

/** The outbound policy this process runs with (LIVELOOP_OUTBOUND_ALLOW_PRIVATE). */
export const processOutboundPolicy = (): OutboundPolicy => ({ allowPrivate: env().LIVELOOP_OUTBOUND_ALLOW_PRIVATE });
