/**
 * Why a call to an OpenAI-compatible endpoint failed. Retrying helps for the first four
 * (the endpoint may be back, less busy or faster next time); it cannot help for the
 * others (a wrong key, model or payload stays wrong; a body that is not the protocol
 * means the URL points at something else; a URL the outbound policy refuses stays refused).
 */
export type LlmFailureKind = "network" | "timeout" | "rate_limited" | "server" | "client" | "bad_body" | "refused";

const retryableKinds: ReadonlySet<LlmFailureKind> = new Set(["network", "timeout", "rate_limited", "server"]);

export interface LlmCallErrorDetails {
  kind: LlmFailureKind;
  /** HTTP status, when the endpoint answered at all. */
  status?: number | undefined;
  /** How long the endpoint asked us to wait (Retry-After / retry-after-ms), in milliseconds. */
  retryAfterMs?: number | undefined;
  /** The answer's body, as text, for the record of the call. */
  responseText?: string | undefined;
  latencyMs: number;
}

export class LlmCallError extends Error {
  readonly kind: LlmFailureKind;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly responseText: string | undefined;
  readonly latencyMs: number;

  constructor(message: string, details: LlmCallErrorDetails) {
    super(message);
    this.name = "LlmCallError";
    this.kind = details.kind;
    this.retryable = retryableKinds.has(details.kind);
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.responseText = details.responseText;
    this.latencyMs = details.latencyMs;
  }
}
