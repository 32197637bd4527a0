import { describe, expect, it } from "vitest";
import { decodeFloat32, encodeFloat32 } from "@/server/embeddings/float32Vector";

describe("float32 vector bytes", () => {
  it("stores little-endian IEEE 754 single precision whatever the host", () => {
    // 1.0f is 0x3f800000 and -2.0f is 0xc0000000 (IEEE 754), written low byte first.
    expect(Array.from(encodeFloat32([1, -2]))).toEqual([0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0]);
  });

  it("reads back what it wrote, rounded to float32, from any offset of a larger buffer", () => {
    const vector = [0.1, -3.25, 1e-40, 123456789];
    const padded = new Uint8Array(3 + vector.length * 4);
    padded.set(encodeFloat32(vector), 3);
    expect(Array.from(decodeFloat32(padded.subarray(3)))).toEqual(vector.map(Math.fround));
  });
});
