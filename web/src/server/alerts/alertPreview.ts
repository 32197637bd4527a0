import { parseAlertMetric } from "@/contracts/alertMetrics";
import type { AlertPreview, AlertPreviewInput, AlertSeverityName } from "@/contracts/alerts";
import type { Database } from "@/server/db/client";
import { BadRequestError } from "@/server/errors";
import { observeWindow, type WindowValue } from "@/server/alerts/alertObservation";
import { alertLevels, nextAlertState, type AlertInstanceState } from "@/server/alerts/alertStateMachine";
import { evaluationWindow, referenceWindow } from "@/server/alerts/alertWindows";
import { alertValueReader } from "@/server/alerts/values/alertValueReader";

const spanMs = 7 * 86_400_000;
/** The evaluation steps a preview may take: the first giving at most this many points. */
const stepChoicesSeconds = [300, 900, 1800, 3600];
const maxPoints = 340;
const shownGroups = 5;

interface Point {
  t: string;
  value: number | null;
  compared: number | null;
  samples: number | null;
}

/**
 * A rule (saved or not) replayed over the last 7 days: evaluated once per step through the
 * same windows, observation and state machine as the real thing, so the firings shown are
 * the ones it would have had at that step (a `for` shorter than the step counts as one step).
 */
export async function previewAlertRule(database: Database, projectId: string, input: AlertPreviewInput, now: Date): Promise<AlertPreview> {
  const metric = parseAlertMetric(input.metric);
  if (typeof metric === "string") throw new BadRequestError(metric, [{ path: ["metric"], message: metric }]);
  const end = evaluationWindow(now, 60).to.getTime();
  const stepSeconds = stepChoicesSeconds.find((step) => spanMs / (step * 1000) <= maxPoints) ?? 3600;
  const stepMs = stepSeconds * 1000;
  // Steps counted back from the present evaluation, so the latest minutes are always in the last point.
  const start = end - Math.floor(spanMs / stepMs) * stepMs;
  const reader = alertValueReader(database, projectId, now);
  const filter = input.filter ?? {};
  const groupBy = input.groupBy ?? null;
  const empty: WindowValue = { value: null, samples: null };

  const series = new Map<string, Point[]>();
  const states = new Map<string, AlertInstanceState | null>();
  const open = new Map<string, { from: string; severity: AlertSeverityName }>();
  const firings: AlertPreview["firings"] = [];
  const rule = {
    condition: input.condition,
    severity: input.severity,
    forSeconds: input.forSeconds,
    keepFiringForSeconds: input.keepFiringForSeconds,
  };

  for (let t = start; t <= end; t += stepMs) {
    const at = new Date(t);
    const window = evaluationWindow(at, input.windowSeconds);
    const earlier = referenceWindow(window, input.condition);
    const current = await reader.read({ metric, filter, groupBy, ...window });
    const reference = earlier ? await reader.read({ metric, filter, groupBy, ...earlier }) : null;
    const groups = new Set([...(groupBy ? [] : [""]), ...current.keys(), ...series.keys()]);
    for (const group of groups) {
      const observation = observeWindow(
        metric,
        input.minSamples,
        input.condition,
        current.get(group) ?? empty,
        reference ? (reference.get(group) ?? empty) : null,
      );
      const points =
        series.get(group) ??
        Array.from({ length: (t - start) / stepMs }, (_, index) => ({
          t: new Date(start + index * stepMs).toISOString(),
          value: null,
          compared: null,
          samples: null,
        }));
      points.push({ t: at.toISOString(), value: observation.value, compared: observation.compared, samples: observation.samples });
      series.set(group, points);
      const step = nextAlertState(states.get(group) ?? null, observation, rule, at);
      states.set(group, step.state);
      const firing = step.state.state === "firing" || step.state.state === "recovering";
      const started = open.get(group);
      if (firing && !started) open.set(group, { from: at.toISOString(), severity: step.state.severity ?? input.severity });
      else if (firing && started && step.state.severity === "critical") started.severity = "critical";
      else if (!firing && started) {
        firings.push({ group, from: started.from, to: at.toISOString(), severity: started.severity });
        open.delete(group);
      }
    }
  }
  for (const [group, started] of open) firings.push({ group, from: started.from, to: null, severity: started.severity });

  const peak = (points: Point[]) => Math.max(...points.map((point) => point.compared ?? point.value ?? Number.NEGATIVE_INFINITY));
  const kept = [...series.entries()].sort((a, b) => peak(b[1]) - peak(a[1])).slice(0, shownGroups);
  const keptGroups = new Set(kept.map(([group]) => group));
  const levels = alertLevels(rule);
  const main = input.severity === "critical" ? levels.critical : levels.warning;
  return {
    from: new Date(start).toISOString(),
    to: new Date(end).toISOString(),
    stepSeconds,
    relative: input.condition.relativeChange !== undefined,
    levels: {
      threshold: main?.trigger ?? Number.NaN,
      warning: input.severity === "critical" ? (levels.warning?.trigger ?? null) : null,
      recovery: input.condition.recovery ?? null,
      warningRecovery: input.condition.warningRecovery ?? null,
    },
    series: kept.map(([group, points]) => ({ group, points })),
    firings: firings.filter((firing) => keptGroups.has(firing.group)).sort((a, b) => a.from.localeCompare(b.from)),
  };
}
