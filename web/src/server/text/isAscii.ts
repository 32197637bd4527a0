/**
 * Whether every character of the text is ASCII: most model output is, and tokenisers use it
 * to skip Unicode normalisation and match words with plain character classes.
 */
export const isAscii = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
};
