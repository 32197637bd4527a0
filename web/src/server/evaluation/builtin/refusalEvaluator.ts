import type { BuiltinEvaluator } from "@/server/evaluation/evaluatorTypes";

/**
 * An answer is a refusal when it declines ("I can't help with that", "As an AI language model,
 * I cannot ...") and gives little else. An answer that states a limitation and then answers
 * ("I don't have live data, but as of 2023 the population was ...") is not a refusal: what
 * decides is how much of the answer is left once the declining, apologising and redirecting
 * sentences are taken out.
 */

const cannot =
  "(?:can(?:'|no)?t|can not|cannot|won't(?: be able to)?|will not(?: be able to)?|am unable to|'m unable to|am not able to|'m not able to|am not allowed to|'m not allowed to|must decline to|have to decline to|am not permitted to|'m not permitted to|shouldn't|should not)";
const declinedAct =
  "(?:help(?! but\\b| feeling\\b| thinking\\b| wondering\\b| noticing\\b| laughing\\b| smiling\\b| myself\\b)|assist|comply|provide|fulfil+|support (?:you|that|this)|answer\\b|share|disclose|reveal|give (?:you )?(?:that|this|specific|personal|medical|legal|financial)|generate|create|write|produce|engage|participate|discuss|do (?:that|this)|offer|recommend(?![^.]*\\benough\\b)|browse|access|look up|predict|diagnose)";

// Each pattern marks a sentence as declining; its clause is quoted in the explanation.
const refusalPatterns: RegExp[] = [
  new RegExp(`\\bi ?${cannot} (?:\\w+ )?${declinedAct}`),
  /\bas an ai(?: language model| model| assistant| developed by [\w ]+)?,? i (?:can(?:'|no)?t|cannot|don't|do not|am not|'m not|won't|will not|have no|must)/,
  /\bi(?:'m| am) (?:sorry|afraid),? (?:but )?(?:i|that|this|it|there)(?:'s| is| isn't| is not)? ?(?:can(?:'|no)?t|cannot|won't|will not|am unable|'m unable|am not able|'m not able|not (?:something|able|possible|appropriate)|unable|outside|beyond|against)/,
  /\bi apologi[sz]e,? (?:but )?i (?:can(?:'|no)?t|cannot|won't|am unable|'m unable|am not able|'m not able)/,
  /\bi (?:must|have to|need to) (?:respectfully )?(?:decline|refuse)\b/,
  /\bi(?:'m| am) (?:unable|not able) to \w+/,
  /\bi(?:'d| would) rather not (?:answer|say|comment|discuss|get into|share|help)/,
  /\bi (?:won't|will not) be (?:writing|doing|providing|helping|creating|generating|sharing|answering|assisting)/,
  /\b(?:falls|is|lies) (?:outside|beyond) (?:what i can|the scope of what i|my (?:scope|capabilities|abilities|remit))/,
  /\bi (?:don't|do not) have (?:any )?(?:information|details|data|knowledge) (?:about|on|regarding)\b/,
  /\bi (?:don't|do not) have (?:access to|the ability to|real-time|real time|browsing|internet access|the capability to|personal (?:opinions|experiences|feelings|beliefs))/,
  /\bi (?:don't|do not|can(?:'|no)?t) (?:browse|access) (?:the internet|the web|external|real-time|websites|links|urls)/,
  /\b(?:that|this|it)(?:'s| is) (?:not something i ?(?:can|am able to|'m able to|will)|(?:against|outside|beyond) (?:my|the scope of my) (?:guidelines|policies|policy|programming|capabilities|abilities|scope))/,
  /\b(?:it|this|that) (?:would be|is) (?:inappropriate|unethical|not appropriate) for me to\b/,
  /\bi(?:'m| am) not (?:comfortable|going to) (?:help|assist|provid|shar|writ|generat|creat|discuss|answer|engag)/,
  /\bi (?:can(?:'|no)?t|cannot|won't) (?:and won't |and will not )?(?:help|assist) (?:you )?with (?:that|this)/,
  /^(?:sorry|no),? (?:i|but i) (?:can(?:'|no)?t|cannot|won't)\b/,
  /\bi have no comment\b/,
  /\bi(?:'m| am) not in a position to\b/,
  /\b(?:i'll|i will|i must|i have to|i'm going to have to|i am going to have to) (?:pass on|sit out) (?:this|that)/,
  /\b(?:that|this|it)(?:'s| is)(?: not|n't) something i\b/,
  /\b(?:outside|beyond) my (?:area|expertise|scope|remit|capabilities|abilities|knowledge)\b/,
  /\bwould (?:violate|breach|go against|be against) (?:our|my|the) (?:\w+ )?(?:policy|policies|guidelines|rules|terms)\b/,
  /^(?:sorry,? |i'm sorry,? )?i (?:don't|do not) know\b/,
];

// Sentences that only apologise, redirect or offer other help: they are part of a refusal,
// not an answer.
const deflection =
  /\b(?:sorry|apologi[sz]e|if you have (?:any )?(?:other|more)|feel free|anything else|is there something else|i(?:'d| would) (?:be happy|be glad|love) to help|i(?:'m| am) (?:happy|glad) to help|something else|i can help (?:you )?with|(?:please|i recommend|i suggest|i'd recommend|i would recommend|you may want to|you might want to|consider) (?:consult|contact|reach|speak|talk|check|visit|seek|refer)|(?:consult|contact|speak with|talk to|reach out to) (?:a|an|your|the) (?:doctor|lawyer|professional|expert|specialist|pharmacist|physician|advisor|adviser|authorities|local)|instead,? (?:i can|you can|i could|please)|let me know)/;

// Where a declining sentence goes on to answer: "I can't browse the web, but as of 2023 ...".
const turnToAnswer = /[;:—] |,? (?:but|however|though|that said|nevertheless),? /;

const sentenceTurn = /^(?:but|however|that said|nevertheless|still|that being said),? /;

/** Normalises quotes, case and spaces so the patterns see one spelling of "can't"; line breaks stay, they end sentences. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[^\S\n]+/g, " ");
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((sentence) => sentence.trim().length > 0);
}

/** Characters of answer content the answer needs beyond its declining sentences to count as answering. */
const answerThreshold = 120;

export interface RefusalFinding {
  refused: boolean;
  /** The first declining phrase to the end of its clause, as written (lower-cased), or null when none. */
  phrase: string | null;
  /** Characters of the answer that are neither declining nor redirecting. */
  answerChars: number;
}

/** The declining words up to the end of their clause ("sorry, i can't do that"), before any "but", at most 100 characters. */
function quoteClause(sentence: string, match: RegExpExecArray): string {
  const end = match.index + match[0].length;
  const clauseEnd = /[.!?;:]|,? (?:but|however|though|that said|nevertheless)\b/.exec(sentence.slice(end));
  return sentence.slice(match.index, Math.min(clauseEnd ? end + clauseEnd.index : sentence.length, match.index + 100)).trim();
}

function firstRefusal(sentence: string): RegExpExecArray | null {
  let first: RegExpExecArray | null = null;
  for (const pattern of refusalPatterns) {
    const match = pattern.exec(sentence);
    if (match && (first === null || match.index < first.index)) first = match;
  }
  return first;
}

/**
 * Refused = a declining phrase and fewer than `answerThreshold` characters of other content,
 * unless a declining sentence turns to answer ("..., but as of 2023 it was 14 million").
 */
export function detectRefusal(output: string): RefusalFinding {
  let phrase: string | null = null;
  let answerChars = 0;
  let turnedToAnswer = false;
  let previousDeclined = false;
  for (const sentence of sentences(normalise(output))) {
    const match = firstRefusal(sentence);
    if (match) {
      phrase ??= quoteClause(sentence, match);
      const rest = sentence.slice(match.index + match[0].length);
      const turn = turnToAnswer.exec(rest);
      const after = turn ? rest.slice(turn.index + turn[0].length) : "";
      if (after.length >= 12 && !deflection.test(after) && firstRefusal(after) === null) {
        turnedToAnswer = true;
        answerChars += after.length;
      }
    } else if (!deflection.test(sentence)) {
      answerChars += sentence.length;
      // "I can't browse the web. However, the tower is 330 m tall." turns to answer too.
      if (previousDeclined && sentenceTurn.test(sentence)) turnedToAnswer = true;
    }
    previousDeclined = match !== null;
  }
  return { refused: phrase !== null && !turnedToAnswer && answerChars < answerThreshold, phrase, answerChars };
}

export const refusalEvaluator: BuiltinEvaluator = {
  kind: "refusal",
  version: 1,
  applies: (subject) => subject.output.trim().length > 0,
  evaluate: (subject) => {
    const { refused, phrase, answerChars } = detectRefusal(subject.output);
    const explanation =
      phrase === null
        ? "No declining phrase found."
        : refused
          ? `The answer declines: "${phrase}".`
          : `The answer states a limitation ("${phrase}") but goes on to answer (${answerChars} characters of content).`;
    return Promise.resolve([{ name: "refusal", dataType: "boolean", value: refused, explanation }]);
  },
};
