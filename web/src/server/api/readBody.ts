import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from "@/server/errors";

/**
 * Reads a JSON body without ever holding more than `limitBytes` of it: the declared
 * length is checked first, then the stream is counted as it arrives, because a client
 * can lie about or omit Content-Length.
 */
export async function readJsonBody(request: Request, limitBytes: number, acceptTextPlain: boolean): Promise<unknown> {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const accepted = acceptTextPlain ? ["application/json", "text/plain"] : ["application/json"];
  if (!accepted.includes(mediaType)) throw new UnsupportedMediaTypeError(accepted);
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limitBytes) throw new PayloadTooLargeError(limitBytes);
  const text = await readLimitedText(request, limitBytes);
  if (text.trim() === "") throw new BadRequestError("The request body is empty; send a JSON document");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BadRequestError(`The body is not valid JSON: ${error instanceof Error ? error.message : "parse error"}`);
  }
}

async function readLimitedText(request: Request, limitBytes: number): Promise<string> {
  if (!request.body) return "";
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
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}
