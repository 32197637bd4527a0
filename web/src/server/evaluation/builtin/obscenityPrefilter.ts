// A quick "certainly none" test before obscenity's matcher, which nearly every answer passes
// clean: the matcher transforms the text one character at a time through a chain of
// transformer objects, maps every position back to the original, finds the whitelisted spans
// and then runs each of its ~120 patterns over the text. Here the same transformers produce
// the same text (the stateless ones through a table for ASCII), and one alternation of the same patterns tests
// it: a position where no pattern matches alone is a position where the alternation fails, so
// a text it rejects is a text the matcher finds nothing in, whitelist or not.
import { SyntaxKind, type BlacklistedTerm, type Node, type StatefulTransformer, type TransformerContainer } from "obscenity";

/** Every UTF-16 unit escaped: the source matches exactly the units obscenity's own pattern compiler writes literally. */
const escapedCodePoint = (codePoint: number): string => {
  const text = String.fromCodePoint(codePoint);
  let source = "";
  for (let i = 0; i < text.length; i++) source += `\\u${text.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return source;
};

const nodeSource = (node: Node): string => {
  switch (node.kind) {
    case SyntaxKind.Literal:
      return node.chars.map(escapedCodePoint).join("");
    case SyntaxKind.Optional:
      return `(?:${nodeSource(node.childNode)})?`;
    case SyntaxKind.Wildcard:
      // obscenity compiles a wildcard to "." with the "s" flag: any UTF-16 unit.
      return "[^]";
  }
};

/** The pattern as obscenity compiles it (word boundaries included), without flags. */
const termSource = (term: BlacklistedTerm): string =>
  `${term.pattern.requireWordBoundaryAtStart ? "\\b" : ""}${term.pattern.nodes.map(nodeSource).join("")}${
    term.pattern.requireWordBoundaryAtEnd ? "\\b" : ""
  }`;

type Step = (char: number) => number | undefined;

/** One character through a chain of transformers, as obscenity's TransformerSet applies them (undefined: dropped). */
const through = (steps: readonly Step[], char: number): number | undefined => {
  let transformed: number | undefined = char;
  for (let i = 0; i < steps.length && transformed !== undefined; i++) transformed = steps[i]?.(transformed);
  return transformed;
};

const DROPPED = -1;
const CHUNK = 8192;

/**
 * A predicate that is false only when obscenity's RegExpMatcher, built with these terms and
 * blacklist transformers, would find no match in the text.
 */
export const obscenityPrefilter = (
  terms: readonly BlacklistedTerm[],
  transformers: readonly TransformerContainer[],
): ((text: string) => boolean) => {
  const anyTerm = new RegExp(terms.map((term) => `(?:${termSource(term)})`).join("|"));
  // The stateless transformers before the first stateful one are a pure function of the
  // character: tabulated for ASCII. The rest run per character, fresh for each text.
  const firstStateful = transformers.findIndex((transformer) => !("transform" in transformer));
  const leading = firstStateful < 0 ? transformers.length : firstStateful;
  const simpleSteps = transformers
    .slice(0, leading)
    .map((transformer): Step => ("transform" in transformer ? transformer.transform : () => undefined));
  const asciiTable = Int32Array.from({ length: 128 }, (_, char) => through(simpleSteps, char) ?? DROPPED);
  const rest = transformers.slice(leading);
  return (text) => {
    const steps = rest.map((transformer): Step => {
      if ("transform" in transformer) return transformer.transform;
      const state: StatefulTransformer = transformer.factory();
      return (char) => state.transform(char);
    });
    const codes: number[] = [];
    // By code point, as obscenity iterates: a surrogate pair is one character, a lone surrogate another.
    for (let i = 0; i < text.length;) {
      const codePoint = text.codePointAt(i) ?? 0;
      i += codePoint > 0xffff ? 2 : 1;
      const first = codePoint < 0x80 ? (asciiTable[codePoint] ?? DROPPED) : (through(simpleSteps, codePoint) ?? DROPPED);
      const char = first === DROPPED ? undefined : through(steps, first);
      if (char !== undefined) codes.push(char);
    }
    let transformed = "";
    // In slices: a call takes a limited number of arguments.
    for (let from = 0; from < codes.length; from += CHUNK) transformed += String.fromCodePoint(...codes.slice(from, from + CHUNK));
    return anyTerm.test(transformed);
  };
};
