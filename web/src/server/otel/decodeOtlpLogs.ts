import { otlpJsonLogsRequestSchema } from "@/contracts/otlp";
import type { RawBody } from "@/server/api/readBody";
import { ProtobufReader } from "@/server/otel/protobufReader";
import { readAnyValue, readKeyValue } from "@/server/otel/otlpProtobuf";
import { anyValue, keyValues } from "@/server/otel/otlpJson";
import { parseOtlpJson } from "@/server/otel/parseOtlpJson";
import { genAiEventNames, logEventName, type GenAiLogRecord } from "@/server/otel/genAiLogEvent";
import type { Attributes } from "@/server/otel/otlpSpan";

/** What an OTLP log export holds for Liveloop: its GenAI events. */
export interface DecodedOtlpLogs {
  events: GenAiLogRecord[];
}

// Field numbers from opentelemetry/proto: collector/logs/v1 and logs/v1. A record's body is
// decoded only once its event name says it is a GenAI event: other logs stop at the name.
function readLogRecord(reader: ProtobufReader): GenAiLogRecord | null {
  const record = { time: 0n, observed: 0n, eventName: "", traceId: "", spanId: "", body: null as ProtobufReader | null };
  const attributes: Attributes = {};
  reader.fields((field) => {
    if (field === 1) record.time = reader.fixed64();
    else if (field === 11) record.observed = reader.fixed64();
    else if (field === 5) record.body = reader.message();
    else if (field === 6) {
      const [key, value] = readKeyValue(reader.message());
      attributes[key] = value;
    } else if (field === 9) record.traceId = Buffer.from(reader.bytesField()).toString("hex");
    else if (field === 10) record.spanId = Buffer.from(reader.bytesField()).toString("hex");
    else if (field === 12) record.eventName = reader.string();
    else return false;
    return true;
  });
  const name = logEventName(record.eventName, attributes);
  if (!genAiEventNames.has(name)) return null;
  return {
    name,
    traceId: record.traceId,
    spanId: record.spanId,
    timeUnixNano: record.time || record.observed,
    body: record.body ? readAnyValue(record.body, 0) : null,
  };
}

function decodeProtobuf(bytes: Uint8Array): DecodedOtlpLogs {
  const decoded: DecodedOtlpLogs = { events: [] };
  const request = new ProtobufReader(bytes);
  request.fields((field) => {
    if (field !== 1) return false;
    const resourceLogs = request.message();
    resourceLogs.fields((inner) => {
      if (inner !== 2) return false;
      const scopeLogs = resourceLogs.message();
      scopeLogs.fields((scopeField) => {
        if (scopeField !== 2) return false;
        const event = readLogRecord(scopeLogs.message());
        if (event) decoded.events.push(event);
        return true;
      });
      return true;
    });
    return true;
  });
  return decoded;
}

function decodeJson(bytes: Uint8Array): DecodedOtlpLogs {
  const request = parseOtlpJson(bytes, otlpJsonLogsRequestSchema, "ExportLogsServiceRequest");
  const decoded: DecodedOtlpLogs = { events: [] };
  for (const resourceLogs of request.resourceLogs) {
    for (const scopeLogs of resourceLogs.scopeLogs ?? []) {
      for (const record of scopeLogs.logRecords ?? []) {
        const name = logEventName(record.eventName ?? "", keyValues(record.attributes));
        if (!genAiEventNames.has(name)) continue;
        decoded.events.push({
          name,
          traceId: (record.traceId ?? "").toLowerCase(),
          spanId: (record.spanId ?? "").toLowerCase(),
          timeUnixNano: BigInt(record.timeUnixNano ?? 0) || BigInt(record.observedTimeUnixNano ?? 0),
          body: anyValue(record.body),
        });
      }
    }
  }
  return decoded;
}

/** Decodes an OTLP/HTTP log export in either encoding; anything that is not OTLP is a 400. */
export function decodeOtlpLogs(body: RawBody): DecodedOtlpLogs {
  return body.mediaType === "application/x-protobuf" ? decodeProtobuf(body.bytes) : decodeJson(body.bytes);
}
