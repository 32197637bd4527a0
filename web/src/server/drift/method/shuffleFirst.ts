/**
 * Partial Fisher-Yates: afterwards the first `count` items are a uniformly random sample of
 * all of them, in random order, whatever order the array was in before. The permutation tests
 * rely on that last part to reshuffle the same array without resetting it; count = length
 * shuffles everything.
 */
export function shuffleFirst(items: Int32Array, count: number, random: () => number): Int32Array {
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (items.length - i));
    const swap = items[i] ?? 0;
    items[i] = items[j] ?? 0;
    items[j] = swap;
  }
  return items;
}

/** 0 .. count - 1 in random order. */
export const shuffledIndexes = (count: number, random: () => number): Int32Array =>
  shuffleFirst(
    Int32Array.from({ length: count }, (_, i) => i),
    count,
    random,
  );
