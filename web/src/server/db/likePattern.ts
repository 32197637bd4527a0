/**
 * Prisma's `contains` builds a LIKE pattern without escaping it, so `%` and `_` in a
 * user's search would act as wildcards. Escaped with LIKE's default escape character,
 * the search text is matched literally.
 */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
