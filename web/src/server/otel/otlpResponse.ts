import type { OtlpIngestResult } from "@/server/otel/ingestOtlp";

/**
 * The ExportTraceServiceResponse in the request's encoding. In protobuf an empty message
 * is zero bytes; with a partial success it holds field 1 (rejected_spans = 1, error_message = 2).
 */
export function otlpExportResponse(result: OtlpIngestResult, mediaType: string): Response {
  const partial = result.rejectedSpans > 0 ? { rejectedSpans: result.rejectedSpans, errorMessage: result.errorMessage } : null;
  if (mediaType === "application/json") return Response.json(partial ? { partialSuccess: partial } : {});
  return new Response(partial ? encodePartialSuccess(partial.rejectedSpans, partial.errorMessage) : new Uint8Array(0), {
    headers: { "Content-Type": "application/x-protobuf" },
  });
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return bytes;
}

function encodePartialSuccess(rejectedSpans: number, errorMessage: string): Uint8Array<ArrayBuffer> {
  const message = Buffer.from(errorMessage.slice(0, 2_000));
  const inner = [0x08, ...varint(rejectedSpans), 0x12, ...varint(message.length), ...message];
  return Uint8Array.from([0x0a, ...varint(inner.length), ...inner]);
}
