/** Length in code points (an emoji or any astral character counts once, as Python counts) and how many are not ASCII, in one pass. */
export function codePointCounts(text: string): { length: number; nonAscii: number } {
  let length = 0;
  let nonAscii = 0;
  for (const char of text) {
    length++;
    if ((char.codePointAt(0) ?? 0) > 0x7f) nonAscii++;
  }
  return { length, nonAscii };
}
