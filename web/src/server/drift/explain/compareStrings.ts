/**
 * Orders strings by UTF-16 code units, the same on every machine (unlike localeCompare,
 * which follows the process's locale): ties in a ranking always break the same way.
 */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
