import { RE2JS } from "re2js";

// Declared patterns run on RE2 (its JavaScript port), not on V8's backtracking engine: a
// pattern such as (a+)+$ against a long output would hold the event loop, and with it every
// request of the process, for minutes. RE2 matches in time linear in the output, at the
// price of lookaround and backreferences, which it refuses when the pattern is declared.
const flagBits: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, u: 0 };

/** The pattern compiled with its flags (i, m, s; u is how RE2 always reads text: by code point). Throws on syntax RE2 lacks. */
export function compileOutputPattern(pattern: string, flags: string): RE2JS {
  // Flags are ASCII letters (the schema allows i, m, s, u), so splitting by code unit is safe.
  const bits = flags.split("").reduce((all, flag) => all | (flagBits[flag] ?? 0), 0);
  return RE2JS.compile(pattern, bits);
}

/** Why a pattern cannot be declared, or null when it compiles. */
export function outputPatternProblem(pattern: string, flags: string): string | null {
  try {
    compileOutputPattern(pattern, flags);
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : String(error);
    return `not a valid regular expression: ${reason} (patterns run in linear time, so lookaround and backreferences are not available)`;
  }
}

// An upload checks hundreds of outputs against the same few patterns: compile each once.
const compiled = new Map<string, RE2JS>();
const compiledLimit = 200;

/** Whether the pattern occurs anywhere in the output, as RegExp.test would say. Throws on a pattern RE2 refuses. */
export function outputMatches(pattern: string, flags: string, output: string): boolean {
  const key = `${flags}/${pattern}`;
  let matcher = compiled.get(key);
  if (!matcher) {
    matcher = compileOutputPattern(pattern, flags);
    if (compiled.size >= compiledLimit) compiled.clear();
    compiled.set(key, matcher);
  }
  return matcher.matcher(output).find();
}
