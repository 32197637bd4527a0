import type { JudgeSettings } from "@/contracts/judge";
import { askJudge, type JudgeAsked, type JudgeCallRecord, type JudgeDependencies } from "@/server/evaluation/judge/runJudge";
import { readJudgeObject, type JudgeAnswer } from "@/server/evaluation/judge/parseJudgeAnswer";
import { impartialJudge } from "@/server/evaluation/judge/judgeRubrics";
import type { ChatMessage, ResponseFormat } from "@/server/llm/chatCompletions";

// Pairwise preference: a judge is shown two answers to one question and says which is
// better. Judges favour whichever answer they read first (or second) more often than
// chance, so the candidate's place is drawn at random for every comparison: over a run
// the bias falls equally on both sides instead of always on one.

/** Which shown answer the judge preferred. */
export type ShownPreference = "A" | "B" | "tie";
/** Which of the two compared answers won, whatever order they were shown in. */
export type Preference = "candidate" | "reference" | "tie";

export interface PairwiseSubject {
  question: string;
  candidate: string;
  reference: string;
}

export interface PairwiseLook {
  /** Where the candidate was shown in this look. */
  candidateShown: "A" | "B";
  preferred: Preference;
  reasoning: string;
}

export type PairwiseOutcome =
  | { ok: true; preferred: Preference; looks: PairwiseLook[]; calls: JudgeCallRecord[] }
  | { ok: false; error: string; calls: JudgeCallRecord[] };

const systemPrompt =
  `${impartialJudge} You compare two answers to the same question and decide which one is better: ` +
  "more correct first, then more complete and more useful to the person who asked. " +
  "The order of the answers is random and means nothing, and a longer answer is not better for being longer. " +
  "Say tie only when neither is better.\n\n" +
  'Answer with a JSON object only: {"reasoning": "<your comparison, briefly>", "preferred": "A" | "B" | "tie"}. ' +
  "Write the reasoning first, then the choice.";

const preferenceFormat: ResponseFormat = {
  type: "json_schema",
  json_schema: {
    name: "pairwise_preference",
    strict: true,
    schema: {
      type: "object",
      properties: {
        reasoning: { type: "string", description: "The comparison, briefly, before choosing" },
        preferred: { type: "string", enum: ["A", "B", "tie"], description: "The better answer, or tie" },
      },
      required: ["reasoning", "preferred"],
      additionalProperties: false,
    },
  },
};

/** The messages for one look: the answers fenced in tags, so neither can pass itself off as instructions. */
export function pairwiseMessages(question: string, answerA: string, answerB: string): ChatMessage[] {
  return [
    { role: "system", content: systemPrompt },
    {
      role: "user",
      content: `<question>\n${question}\n</question>\n\n<answer_a>\n${answerA}\n</answer_a>\n\n<answer_b>\n${answerB}\n</answer_b>\n\nWhich answer is better?`,
    },
  ];
}

/** Reads `{"reasoning", "preferred"}`; "a", "Answer B" and "TIE" are read too, anything else is an error. */
export function parsePreference(text: string): JudgeAnswer<ShownPreference> {
  const object = readJudgeObject(text);
  if (!object.ok) return object;
  const { preferred, reasoning } = object.fields;
  const word =
    typeof preferred === "string"
      ? preferred
          .trim()
          .toLowerCase()
          .replace(/^answer[\s_]*/, "")
      : null;
  const value = word === "a" ? "A" : word === "b" ? "B" : word === "tie" ? "tie" : null;
  if (value === null) return { ok: false, error: `The judge's choice ${JSON.stringify(preferred ?? null)} is not A, B or tie` };
  return { ok: true, value, reasoning: typeof reasoning === "string" ? reasoning : "" };
}

function unshuffled(shown: ShownPreference, candidateShown: "A" | "B"): Preference {
  if (shown === "tie") return "tie";
  return shown === candidateShown ? "candidate" : "reference";
}

function look(
  settings: JudgeSettings,
  subject: PairwiseSubject,
  candidateShown: "A" | "B",
  dependencies: JudgeDependencies,
): Promise<JudgeAsked<PairwiseLook>> {
  const [answerA, answerB] = candidateShown === "A" ? [subject.candidate, subject.reference] : [subject.reference, subject.candidate];
  return askJudge(
    settings,
    {
      messages: pairwiseMessages(subject.question, answerA, answerB),
      format: preferenceFormat,
      parse: (text) => {
        const answer = parsePreference(text);
        return answer.ok
          ? {
              ok: true,
              value: { candidateShown, preferred: unshuffled(answer.value, candidateShown), reasoning: answer.reasoning },
              reasoning: answer.reasoning,
            }
          : answer;
      },
    },
    dependencies,
  );
}

/**
 * Asks a judge whether the candidate answer is better than the reference. With one look
 * the candidate's place is drawn from `random`; with `bothOrders` the judge sees both
 * orders and a choice that flips with the order counts as a tie (position bias cancelled
 * per comparison, at twice the calls).
 */
export async function judgePairwise(
  settings: JudgeSettings,
  subject: PairwiseSubject,
  options: { bothOrders: boolean },
  dependencies: JudgeDependencies = {},
): Promise<PairwiseOutcome> {
  const random = dependencies.random ?? Math.random;
  const orders: ("A" | "B")[] = options.bothOrders ? ["A", "B"] : [random() < 0.5 ? "A" : "B"];
  const looks: PairwiseLook[] = [];
  const calls: JudgeCallRecord[] = [];
  for (const order of orders) {
    const asked = await look(settings, subject, order, dependencies);
    calls.push(...asked.calls);
    if (!asked.ok) return { ok: false, error: asked.error, calls };
    looks.push(asked.value);
  }
  const choices = new Set(looks.map((item) => item.preferred));
  const [only] = choices;
  return { ok: true, preferred: choices.size === 1 && only !== undefined ? only : "tie", looks, calls };
}
