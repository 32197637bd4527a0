import { maxJsonDepth } from "@/contracts/common";
import { BadRequestError } from "@/server/errors";
import { ProtobufReader } from "@/server/otel/protobufReader";
import type { AttributeValue, Attributes, OtlpSpan } from "@/server/otel/otlpSpan";

// Field numbers from opentelemetry/proto: collector/trace/v1, trace/v1 and common/v1.

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

// AnyValues nest (arrays and key-value lists of AnyValues): reading them recurses, so
// the depth is bounded here, as the JSON encoding's is, instead of by the call stack.
export function readAnyValue(reader: ProtobufReader, depth: number): AttributeValue {
  if (depth > maxJsonDepth) throw new BadRequestError(`Attribute values nest deeper than ${maxJsonDepth} levels`);
  let value: AttributeValue = null;
  reader.fields((field) => {
    if (field === 1) value = reader.string();
    else if (field === 2) value = reader.varint() !== 0;
    else if (field === 3) value = reader.int64();
    else if (field === 4) value = reader.double();
    else if (field === 5) {
      const items: AttributeValue[] = [];
      const array = reader.message();
      array.fields((inner) => (inner === 1 ? (items.push(readAnyValue(array.message(), depth + 1)), true) : false));
      value = items;
    } else if (field === 6) value = readKeyValues(reader.message(), 1, depth + 1);
    else if (field === 7) value = Buffer.from(reader.bytesField()).toString("base64");
    else return false;
    return true;
  });
  return value;
}

export function readKeyValue(reader: ProtobufReader, depth = 0): [string, AttributeValue] {
  let key = "";
  let value: AttributeValue = null;
  reader.fields((field) => {
    if (field === 1) key = reader.string();
    else if (field === 2) value = readAnyValue(reader.message(), depth);
    else return false;
    return true;
  });
  return [key, value];
}

/** Reads the repeated KeyValue field `fieldNumber` of a message into an object. */
function readKeyValues(reader: ProtobufReader, fieldNumber: number, depth = 0): Attributes {
  const attributes: Attributes = {};
  reader.fields((field) => {
    if (field !== fieldNumber) return false;
    const [key, value] = readKeyValue(reader.message(), depth);
    attributes[key] = value;
    return true;
  });
  return attributes;
}

function readEvent(reader: ProtobufReader): OtlpSpan["events"][number] {
  const event = { timeUnixNano: 0n, name: "", attributes: {} as Attributes };
  reader.fields((field) => {
    if (field === 1) event.timeUnixNano = reader.fixed64();
    else if (field === 2) event.name = reader.string();
    else if (field === 3) Object.assign(event.attributes, Object.fromEntries([readKeyValue(reader.message())]));
    else return false;
    return true;
  });
  return event;
}

function readSpan(reader: ProtobufReader, resource: Attributes, scope: OtlpSpan["scope"]): OtlpSpan {
  const span: OtlpSpan = {
    traceId: "",
    spanId: "",
    parentSpanId: null,
    name: "",
    kind: 0,
    startTimeUnixNano: 0n,
    endTimeUnixNano: 0n,
    attributes: {},
    events: [],
    status: { code: 0, message: "" },
    resource,
    scope,
  };
  reader.fields((field) => {
    if (field === 1) span.traceId = hex(reader.bytesField());
    else if (field === 2) span.spanId = hex(reader.bytesField());
    else if (field === 4) span.parentSpanId = hex(reader.bytesField()) || null;
    else if (field === 5) span.name = reader.string();
    else if (field === 6) span.kind = reader.varint();
    else if (field === 7) span.startTimeUnixNano = reader.fixed64();
    else if (field === 8) span.endTimeUnixNano = reader.fixed64();
    else if (field === 9) {
      const [key, value] = readKeyValue(reader.message());
      span.attributes[key] = value;
    } else if (field === 11) span.events.push(readEvent(reader.message()));
    else if (field === 15) {
      const status = reader.message();
      status.fields((inner) => {
        if (inner === 2) span.status.message = status.string();
        else if (inner === 3) span.status.code = status.varint();
        else return false;
        return true;
      });
    } else return false;
    return true;
  });
  return span;
}

function readScope(reader: ProtobufReader): OtlpSpan["scope"] {
  const scope = { name: "", version: "" };
  reader.fields((field) => {
    if (field === 1) scope.name = reader.string();
    else if (field === 2) scope.version = reader.string();
    else return false;
    return true;
  });
  return scope;
}

function readScopeSpans(reader: ProtobufReader, resource: Attributes, spans: OtlpSpan[]): void {
  let scope = { name: "", version: "" };
  const raw: ProtobufReader[] = [];
  reader.fields((field) => {
    if (field === 1) scope = readScope(reader.message());
    else if (field === 2) raw.push(reader.message());
    else return false;
    return true;
  });
  // The scope may follow its spans on the wire; read spans once it is known.
  for (const span of raw) spans.push(readSpan(span, resource, scope));
}

/** Decodes an ExportTraceServiceRequest into spans. */
export function decodeOtlpProtobuf(body: Uint8Array): OtlpSpan[] {
  const spans: OtlpSpan[] = [];
  const request = new ProtobufReader(body);
  request.fields((field) => {
    if (field !== 1) return false;
    const resourceSpans = request.message();
    let resource: Attributes = {};
    const scopes: ProtobufReader[] = [];
    resourceSpans.fields((inner) => {
      if (inner === 1) resource = readKeyValues(resourceSpans.message(), 1);
      else if (inner === 2) scopes.push(resourceSpans.message());
      else return false;
      return true;
    });
    for (const scope of scopes) readScopeSpans(scope, resource, spans);
    return true;
  });
  return spans;
}
