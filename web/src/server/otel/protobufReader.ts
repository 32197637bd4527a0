import { BadRequestError } from "@/server/errors";

/**
 * A minimal reader of the Protocol Buffers wire format: enough to decode OTLP without a
 * code generator. Unknown fields are skipped, as protobuf requires; malformed input
 * raises a 400 rather than reading past the end.
 */
export class ProtobufReader {
  private position = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.position >= this.bytes.length;
  }

  private fail(what: string): never {
    throw new BadRequestError(`The body is not a valid OTLP protobuf message (${what} at byte ${this.position})`);
  }

  /** Reads a varint as a bigint (wire type 0 values may be full 64-bit). */
  varintBig(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.position >= this.bytes.length) this.fail("truncated varint");
      const byte = this.bytes[this.position++] ?? 0;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
    }
    return this.fail("overlong varint");
  }

  varint(): number {
    return Number(BigInt.asUintN(64, this.varintBig()));
  }

  /** A varint read as a signed 64-bit integer (protobuf int64). */
  int64(): number {
    return Number(BigInt.asIntN(64, this.varintBig()));
  }

  tag(): { field: number; wireType: number } {
    const key = this.varint();
    return { field: Math.floor(key / 8), wireType: key & 7 };
  }

  fixed64(): bigint {
    if (this.position + 8 > this.bytes.length) this.fail("truncated fixed64");
    const value = this.view.getBigUint64(this.position, true);
    this.position += 8;
    return value;
  }

  double(): number {
    if (this.position + 8 > this.bytes.length) this.fail("truncated double");
    const value = this.view.getFloat64(this.position, true);
    this.position += 8;
    return value;
  }

  fixed32(): number {
    if (this.position + 4 > this.bytes.length) this.fail("truncated fixed32");
    const value = this.view.getUint32(this.position, true);
    this.position += 4;
    return value;
  }

  bytesField(): Uint8Array {
    const length = this.varint();
    if (this.position + length > this.bytes.length) this.fail("length past the end");
    const value = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return value;
  }

  string(): string {
    return new TextDecoder().decode(this.bytesField());
  }

  /** A reader over an embedded message. */
  message(): ProtobufReader {
    return new ProtobufReader(this.bytesField());
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varintBig();
    else if (wireType === 1) this.fixed64();
    else if (wireType === 2) this.bytesField();
    else if (wireType === 5) this.fixed32();
    else this.fail(`unsupported wire type ${wireType}`);
  }

  /** Calls `onField` for each field; the callback reads the value or returns false to skip it. */
  fields(onField: (field: number, wireType: number) => boolean): void {
    while (!this.done) {
      const { field, wireType } = this.tag();
      if (field === 0) this.fail("field number 0");
      if (!onField(field, wireType)) this.skip(wireType);
    }
  }
}
