import type { AlertPreset, AlertRuleInput } from "@/contracts/alerts";

type PresetRule = Omit<
  AlertRuleInput,
  "channels" | "enabled" | "name" | "severity" | "minSamples" | "keepFiringForSeconds" | "forSeconds"
> &
  Partial<Pick<AlertRuleInput, "severity" | "minSamples" | "keepFiringForSeconds" | "forSeconds">>;

export interface AlertPresetDefinition {
  preset: AlertPreset;
  title: string;
  description: string;
  rule: PresetRule & { name: string };
}

/**
 * The alerts a team writes first, one click each. Windows are short enough to notice within
 * minutes and the `for` durations long enough that one bad minute does not page anyone.
 */
export const alertPresetDefinitions: readonly AlertPresetDefinition[] = [
  {
    preset: "hallucination",
    title: "Hallucination above 0.15 for an hour",
    description: "The average hallucination score (faithfulness evaluator) over 30 minutes stays above 0.15 for an hour.",
    rule: {
      name: "Hallucination above 0.15",
      metric: "score:hallucination:avg",
      windowSeconds: 1800,
      condition: { op: "above", threshold: 0.15, recovery: 0.12 },
      forSeconds: 3600,
      keepFiringForSeconds: 600,
      preset: "hallucination",
    },
  },
  {
    preset: "latency_p95",
    title: "p95 latency above 5 s for 30 minutes",
    description: "The 95th percentile of request latency over 5 minutes stays above 5 seconds for 30 minutes.",
    rule: {
      name: "p95 latency above 5 s",
      metric: "latencyP95Ms",
      windowSeconds: 300,
      condition: { op: "above", threshold: 5000, warning: 3000, recovery: 4500 },
      forSeconds: 1800,
      keepFiringForSeconds: 300,
      preset: "latency_p95",
    },
  },
  {
    preset: "thumbs_down_change",
    title: "Thumbs-down rate up 20 % within an hour",
    description: "The thumbs-down rate of the last hour is at least 20 % above the hour before, for 10 minutes.",
    rule: {
      name: "Thumbs-down rate up 20 %",
      metric: "thumbsDownRate",
      windowSeconds: 3600,
      condition: { op: "above", relativeChange: 0.2, compareTo: "previous", recovery: 0.1 },
      forSeconds: 600,
      keepFiringForSeconds: 600,
      preset: "thumbs_down_change",
    },
  },
  {
    preset: "error_rate",
    title: "Error rate above 5 %",
    description: "More than 5 % of requests in 5 minutes failed, for 5 minutes (a warning from 2 %).",
    rule: {
      name: "Error rate above 5 %",
      metric: "errorRate",
      windowSeconds: 300,
      condition: { op: "above", threshold: 0.05, warning: 0.02, recovery: 0.04, warningRecovery: 0.015 },
      forSeconds: 300,
      keepFiringForSeconds: 300,
      preset: "error_rate",
    },
  },
  {
    preset: "cost_per_user",
    title: "Cost per user above $5 in 24 h",
    description: "One alert per user whose requests cost more than $5 over the last 24 hours.",
    rule: {
      name: "Cost per user above $5 a day",
      metric: "costUsd",
      groupBy: "user",
      windowSeconds: 86_400,
      condition: { op: "above", threshold: 5 },
      forSeconds: 0,
      preset: "cost_per_user",
    },
  },
];

export function alertPresetDefinition(preset: AlertPreset): AlertPresetDefinition {
  const definition = alertPresetDefinitions.find((candidate) => candidate.preset === preset);
  if (!definition) throw new Error(`No alert preset ${preset}`);
  return definition;
}
