import { gunzipSync, inflateSync } from "node:zlib";
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from "@/server/errors";

export interface RawBody {
  mediaType: string;
  bytes: Uint8Array;
}

function mediaTypeOf(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

async function readLimitedBytes(request: Request, limitBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel();
      throw new PayloadTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
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
 * `limitBytes` of it: the declared length is checked first, then the stream is counted
 * as it arrives (clients can lie about or omit Content-Length), then a compressed body
 * is inflated under the same cap, so a gzip bomb stops at the limit.
 */
export async function readRawBody(request: Request, mediaTypes: string[], limitBytes: number): Promise<RawBody> {
  const mediaType = mediaTypeOf(request);
  if (!mediaTypes.includes(mediaType)) throw new UnsupportedMediaTypeError(mediaTypes);
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limitBytes) throw new PayloadTooLargeError(limitBytes);
  const bytes = decodeContent(await readLimitedBytes(request, limitBytes), request.headers.get("content-encoding"), limitBytes);
  return { mediaType, bytes };
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
export async function readJsonBody(request: Request, limitBytes: number, acceptTextPlain: boolean): Promise<unknown> {
  const { bytes } = await readRawBody(request, acceptTextPlain ? ["application/json", "text/plain"] : ["application/json"], limitBytes);
  return parseJsonBytes(bytes);
}
