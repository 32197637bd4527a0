/** An attribute value as OTLP's AnyValue carries it, turned into plain data. */
export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };
export type Attributes = Record<string, AttributeValue>;

/** One span of an OTLP export, whichever encoding it arrived in, with its resource. */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: Attributes;
  events: { timeUnixNano: bigint; name: string; attributes: Attributes }[];
  status: { code: number; message: string };
  resource: Attributes;
  scope: { name: string; version: string };
}

export const spanStatusError = 2;
