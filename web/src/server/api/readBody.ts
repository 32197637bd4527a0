import { gunzipSync, inflateSync } from "node:zlib";
import { AppError, BadRequestError, PayloadTooLargeError, ServiceUnavailableError, UnsupportedMediaTypeError } from "@/server/errors";

export interface RawBody {
  mediaType: string;
  bytes: Uint8Array;
}

function mediaTypeOf(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * A budget of body bytes being read at once, across every request of the process: each
 * read reserves what it may hold (its declared length, else the route's cap) before it
 * starts, so many slow uploads at once cannot add up to more memory than the budget.
 */
export interface BodyBudget {
  /** Reserves `bytes`; returns the release function, or null when the budget is spent. */
  reserve(bytes: number): (() => void) | null;
}

export function createBodyBudget(maxBytes: number): BodyBudget {
  let inFlight = 0;
  return {
    reserve(bytes) {
      if (inFlight + bytes > maxBytes) return null;
      inFlight += bytes;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        inFlight -= bytes;
      };
    },
  };
}

// Enough for hundreds of feedback batches (64 KB) or a handful of the largest trace
// batches (5 MB) at once; a parsed body takes a few times its size on top.
const processBodyBudget = createBodyBudget(48 * 1024 * 1024);
// A body that has not arrived by then is abandoned (its reservation with it): a client
// trickling bytes must not hold its share of the budget for minutes.
const bodyDeadlineMs = 30_000;

export interface BodyReadOptions {
  budget?: BodyBudget;
  deadlineMs?: number;
}

class RequestTimeoutError extends AppError {
  constructor(seconds: number) {
    super(408, "request_timeout", "Request timeout", `The body did not arrive within ${seconds} s`);
  }
}

async function readLimitedBytes(request: Request, limitBytes: number, deadlineMs: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new RequestTimeoutError(Math.round(deadlineMs / 1000)));
    }, deadlineMs);
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      total += value.byteLength;
      if (total > limitBytes) throw new PayloadTooLargeError(limitBytes);
      chunks.push(value);
    }
  } catch (error) {
    // Stop reading; the server drops whatever else the client sends.
    await reader.cancel().catch(() => undefined);
    if (error instanceof AppError) throw error;
    // The client went away mid-body: its fault, not ours (no 500, no error log).
    throw new BadRequestError("The connection closed before the body was complete");
  } finally {
    clearTimeout(timer);
  }
  return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
}

/** Inflates a gzip or deflate body, stopping (413) as soon as it grows past the cap. */
function decodeContent(bytes: Uint8Array, encoding: string | null, limitBytes: number): Uint8Array {
  const name = (encoding ?? "identity").trim().toLowerCase();
  if (name === "identity" || name === "") return bytes;
  if (name !== "gzip" && name !== "deflate") throw new UnsupportedMediaTypeError(["identity", "gzip or deflate encoding"]);
  try {
    return (name === "gzip" ? gunzipSync : inflateSync)(bytes, { maxOutputLength: limitBytes });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      throw new PayloadTooLargeError(limitBytes);
    throw new BadRequestError(`The body is not valid ${name} data`);
  }
}

/**
 * Reads a body of one of the accepted media types without ever holding more than
 * `limitBytes` of it: the type and the declared length are checked before a byte is read,
 * a share of the process's body budget is reserved (503 with Retry-After when it is
 * spent), the stream is counted as it arrives (clients can lie about or omit
 * Content-Length), then a compressed body is inflated under the same cap, so a gzip bomb
 * stops at the limit.
 */
export async function readRawBody(
  request: Request,
  mediaTypes: string[],
  limitBytes: number,
  options: BodyReadOptions = {},
): Promise<RawBody> {
  const mediaType = mediaTypeOf(request);
  if (!mediaTypes.includes(mediaType)) throw new UnsupportedMediaTypeError(mediaTypes);
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limitBytes) throw new PayloadTooLargeError(limitBytes);
  const encoding = request.headers.get("content-encoding");
  const wireBytes = Number.isFinite(declared) && declared >= 0 ? declared : limitBytes;
  const compressed = encoding !== null && !["", "identity"].includes(encoding.trim().toLowerCase());
  const release = (options.budget ?? processBodyBudget).reserve(compressed ? wireBytes + limitBytes : wireBytes);
  if (!release) throw new ServiceUnavailableError("Too many uploads at once; retry shortly", 1);
  try {
    const bytes = decodeContent(await readLimitedBytes(request, limitBytes, options.deadlineMs ?? bodyDeadlineMs), encoding, limitBytes);
    return { mediaType, bytes };
  } finally {
    release();
  }
}

export function parseJsonBytes(bytes: Uint8Array): unknown {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.trim() === "") throw new BadRequestError("The request body is empty; send a JSON document");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BadRequestError(`The body is not valid JSON: ${error instanceof Error ? error.message : "parse error"}`);
  }
}

/** Reads and parses a JSON body (or JSON sent as text/plain, for navigator.sendBeacon). */
export async function readJsonBody(
  request: Request,
  limitBytes: number,
  acceptTextPlain: boolean,
  options: BodyReadOptions = {},
): Promise<unknown> {
  const { bytes } = await readRawBody(
    request,
    acceptTextPlain ? ["application/json", "text/plain"] : ["application/json"],
    limitBytes,
    options,
  );
  return parseJsonBytes(bytes);
}
