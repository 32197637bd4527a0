/**
 * Hand-labelled answers for the format evaluator: valid (true) or not, against no schema (JSON
 * only) or the order schema below.
 */
export const orderSchema = {
  type: "object",
  required: ["orderId", "items"],
  additionalProperties: false,
  properties: {
    orderId: { type: "string", pattern: "^ORD-\\d+$" },
    email: { type: "string", format: "email" },
    items: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["sku", "quantity"],
        properties: { sku: { type: "string" }, quantity: { type: "integer", minimum: 1 } },
      },
    },
  },
};

export interface LabelledFormat {
  text: string;
  schema?: unknown;
  valid: boolean;
  note?: string;
}

export const formatExamples: LabelledFormat[] = [
  { text: '{"answer": 42}', valid: true },
  { text: "[1, 2, 3]", valid: true },
  { text: '```json\n{"answer": "Paris"}\n```', valid: true, note: "one fence" },
  { text: '  \n{"nested": {"a": [true, null, 1.5e3]}}\n', valid: true, note: "surrounding whitespace" },
  { text: '{"answer": 42,}', valid: false, note: "trailing comma" },
  { text: "{'answer': 42}", valid: false, note: "single quotes" },
  { text: '{"answer": 42', valid: false, note: "truncated" },
  { text: '```json\n{"a": 1}\n```\n```json\n{"b": 2}\n```', valid: false, note: "two fences" },
  { text: '{"answer": NaN}', valid: false },
  { text: '{"a": 1} and some prose', valid: false },
  { text: '{"orderId": "ORD-1", "items": [{"sku": "A1", "quantity": 2}]}', schema: orderSchema, valid: true },
  {
    text: '```json\n{"orderId": "ORD-7", "email": "a@example.com", "items": [{"sku": "B", "quantity": 1}]}\n```',
    schema: orderSchema,
    valid: true,
  },
  { text: '{"orderId": "ORD-1", "items": []}', schema: orderSchema, valid: false, note: "minItems" },
  { text: '{"orderId": "1", "items": [{"sku": "A1", "quantity": 2}]}', schema: orderSchema, valid: false, note: "pattern" },
  { text: '{"orderId": "ORD-1", "items": [{"sku": "A1", "quantity": 0}]}', schema: orderSchema, valid: false, note: "minimum" },
  { text: '{"orderId": "ORD-1", "items": [{"sku": "A1"}]}', schema: orderSchema, valid: false, note: "required" },
  {
    text: '{"orderId": "ORD-1", "items": [{"sku": "A1", "quantity": 1}], "note": "x"}',
    schema: orderSchema,
    valid: false,
    note: "additional property",
  },
  {
    text: '{"orderId": "ORD-1", "email": "nobody", "items": [{"sku": "A1", "quantity": 1}]}',
    schema: orderSchema,
    valid: false,
    note: "format",
  },
  { text: "Your order ORD-1 contains two A1.", schema: orderSchema, valid: false, note: "prose where JSON was declared" },
  { text: '{"orderId": "ORD-1", "items": [{"sku": "A1", "quantity": 1.5}]}', schema: orderSchema, valid: false, note: "integer" },
];
