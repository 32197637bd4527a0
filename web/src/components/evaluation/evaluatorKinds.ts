import type { EvaluatorKind } from "@/contracts/evaluators";
import type { JudgeRubricName } from "@/contracts/judge";

/** What the console calls each kind, and one line on what it scores: people read labels, not keys. */
export const evaluatorKindInfo: Record<EvaluatorKind, { label: string; description: string }> = {
  pii_leak: { label: "PII leak", description: "Flags answers that contain emails, phone or card numbers and other personal data." },
  toxicity: { label: "Toxicity", description: "Flags insults, slurs, threats and profanity, also when disguised (l33t, look-alikes)." },
  faithfulness: {
    label: "Faithfulness / hallucination",
    description: "Share of answer sentences not supported by the retrieved passages (traces with retrieval).",
  },
  relevance: { label: "Relevance", description: "How closely the answer's meaning matches the question (0 to 1)." },
  refusal: { label: "Refusal", description: "Flags answers that decline to help." },
  format: { label: "Format (JSON)", description: "Whether the answer is valid JSON, and matches your JSON schema if you give one." },
  llm_judge: { label: "LLM judge", description: "A model you configure scores answers with a rubric or your own instructions." },
};

/** The shipped judge rubrics' names as the console shows them. */
export const rubricLabels: Record<JudgeRubricName, string> = {
  relevance: "Relevance",
  helpfulness: "Helpfulness",
  faithfulness: "Faithfulness",
  toxicity: "Toxicity",
  correctness: "Correctness",
};
