import type { OtlpIngestResult } from "@/server/otel/ingestOtlp";

/**
 * The Export{Trace,Logs}ServiceResponse in the request's encoding. In protobuf an empty
 * message is zero bytes; with a partial success it holds field 1, whose fields are the
 * same for both signals (rejected_spans or rejected_log_records = 1, error_message = 2).
 */
export function otlpExportResponse(
  result: OtlpIngestResult,
  mediaType: string,
  rejectedField: "rejectedSpans" | "rejectedLogRecords" = "rejectedSpans",
): Response {
  const partial = result.rejected > 0 ? { rejected: result.rejected, errorMessage: result.errorMessage } : null;
  if (mediaType === "application/json") {
    return Response.json(partial ? { partialSuccess: { [rejectedField]: partial.rejected, errorMessage: partial.errorMessage } } : {});
  }
  return new Response(partial ? encodePartialSuccess(partial.rejected, partial.errorMessage) : new Uint8Array(0), {
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

function encodePartialSuccess(rejected: number, errorMessage: string): Uint8Array<ArrayBuffer> {
  const message = Buffer.from(errorMessage.slice(0, 2_000));
  const inner = [0x08, ...varint(rejected), 0x12, ...varint(message.length), ...message];
  return Uint8Array.from([0x0a, ...varint(inner.length), ...inner]);
}
