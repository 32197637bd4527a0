import type { PassFailAgreementView, ScoreAgreementView } from "@/contracts/evaluatorAgreement";

/** Landis and Koch's (1977) words for a kappa, the scale people quote for label agreement. */
export function kappaStrength(kappa: number): string {
  if (kappa < 0) return "worse than chance";
  if (kappa <= 0.2) return "slight";
  if (kappa <= 0.4) return "fair";
  if (kappa <= 0.6) return "moderate";
  if (kappa <= 0.8) return "substantial";
  return "almost perfect";
}

const two = (value: number) => value.toFixed(2);

/** What a comparison comes to in one line, or why it says nothing yet; n always shown. */
export interface AgreementLine {
  summary: string;
  /** Precision and recall behind an F1, for those who want them. */
  detail: string | null;
}

function tooFew(n: number, minimumSample: number): AgreementLine | null {
  if (n === 0) return { summary: "No labelled traces yet (n = 0)", detail: null };
  return n < minimumSample ? { summary: `Too few labelled traces (n = ${n})`, detail: null } : null;
}

const kappaText = (kappa: number | null) =>
  kappa === null ? "κ undefined (one label throughout)" : `κ ${two(kappa)} (${kappaStrength(kappa)})`;

function f1Text(passFail: PassFailAgreementView): string {
  return passFail.f1 === null ? "F1 undefined (no failures on either side)" : `F1 ${two(passFail.f1)}`;
}

function passFailDetail(passFail: PassFailAgreementView): string {
  const rate = (value: number | null) => (value === null ? "undefined" : two(value));
  return `precision ${rate(passFail.precision)} · recall ${rate(passFail.recall)} · failure is the positive class`;
}

/** The evaluator's scores against what annotators corrected them to. */
export function correctionLine(score: ScoreAgreementView, minimumSample: number): AgreementLine {
  const { corrections } = score;
  const few = tooFew(corrections.n, minimumSample);
  if (few) return few;
  const n = `n = ${corrections.n}`;
  if (score.dataType === "numeric") {
    const r = (label: string, value: number | null) => `${label} ${value === null ? "undefined" : two(value)}`;
    return { summary: `${r("Pearson r", corrections.pearson)} · ${r("Spearman ρ", corrections.spearman)} · ${n}`, detail: null };
  }
  if (corrections.passFail)
    return {
      summary: `${kappaText(corrections.kappa)} · ${f1Text(corrections.passFail)} · ${n}`,
      detail: passFailDetail(corrections.passFail),
    };
  return { summary: `${kappaText(corrections.kappa)} · ${n}`, detail: null };
}

/** The evaluator's pass/fail against annotators' verdicts on the same traces. */
export function verdictLine(score: ScoreAgreementView, minimumSample: number): AgreementLine {
  const { verdicts } = score;
  if (!verdicts) return { summary: "No pass/fail threshold to compare with verdicts", detail: null };
  const few = tooFew(verdicts.n, minimumSample);
  if (few) return few;
  return { summary: `${f1Text(verdicts)} · ${kappaText(verdicts.kappa)} · n = ${verdicts.n}`, detail: passFailDetail(verdicts) };
}
