import { parseAlertMetric } from "@/contracts/alertMetrics";
import type { AlertPreview, AlertPreviewInput, AlertSeverityName } from "@/contracts/alerts";
import type { Database } from "@/server/db/client";
import { BadRequestError } from "@/server/errors";
import { observeWindow, type Observation, type WindowValue } from "@/server/alerts/alertObservation";
import { alertLevels, nextAlertState, type AlertInstanceState } from "@/server/alerts/alertStateMachine";
import { evaluationWindow, referenceWindow } from "@/server/alerts/alertWindows";
import { alertValueReader } from "@/server/alerts/values/alertValueReader";

const spanMs = 7 * 86_400_000;
/** The evaluation steps a preview may take: the first giving at most this many points. */
const stepChoicesSeconds = [300, 900, 1800, 3600];
const maxPoints = 340;
const shownGroups = 5;
const empty: WindowValue = { value: null, samples: null };

type Point = AlertPreview["series"][number]["points"][number];

/**
 * A rule (saved or not) replayed over the last 7 days: evaluated once per step through the
 * same windows, observation and state machine as the real thing, so the firings shown are
 * the ones it would have had at that step (a `for` shorter than the step counts as one step).
 * Every step's window is read at once (one read per source, not one per step); a grouped
 * rule shows the five groups with the highest peaks, and only those are replayed.
 */
export async function previewAlertRule(database: Database, projectId: string, input: AlertPreviewInput, now: Date): Promise<AlertPreview> {
  const metric = parseAlertMetric(input.metric);
  if (typeof metric === "string") throw new BadRequestError(metric, [{ path: ["metric"], message: metric }]);
  const end = evaluationWindow(now, 60).to.getTime();
  const stepSeconds = stepChoicesSeconds.find((step) => spanMs / (step * 1000) <= maxPoints) ?? 3600;
  const stepMs = stepSeconds * 1000;
  // Steps counted back from the present evaluation, so the latest minutes are always in the last point.
  const start = end - Math.floor(spanMs / stepMs) * stepMs;
  const steps: Date[] = [];
  for (let t = start; t <= end; t += stepMs) steps.push(new Date(t));
  const groupBy = input.groupBy ?? null;

  const windows = steps.map((at) => evaluationWindow(at, input.windowSeconds));
  const earlier = windows.map((window) => referenceWindow(window, input.condition)).filter((window) => window !== null);
  // Current windows first, then (for a change rule) the windows they compare with, index for index.
  const values = await alertValueReader(database, projectId, now).readWindows(
    { metric, filter: input.filter ?? {}, groupBy },
    earlier.length ? [...windows, ...earlier] : windows,
  );
  const observe = (index: number, groups?: ReadonlySet<string>): Map<string, Observation> => {
    const current = values.at(index, groups);
    const reference = earlier.length ? values.at(windows.length + index, groups) : null;
    const observed = new Map<string, Observation>();
    for (const [group, value] of current)
      observed.set(
        group,
        observeWindow(metric, input.minSamples, input.condition, value, reference ? (reference.get(group) ?? empty) : null),
      );
    return observed;
  };

  // A step changes the values of only the groups whose traffic entered or left its windows.
  const changed = (index: number): ReadonlySet<string> | undefined => {
    const current = values.changed(index);
    const reference = earlier.length ? values.changed(windows.length + index) : new Set<string>();
    return index > 0 && current && reference ? new Set([...current, ...reference]) : undefined;
  };
  const shown = groupBy ? topGroups(steps.length, observe, changed) : [""];
  // A group missing from a step's window once seen is observed as evaluation observes it: no data.
  const absent = observeWindow(metric, input.minSamples, input.condition, empty, null);
  const replay = replayGroups(new Set(shown), steps, observe, absent, input);
  const levels = alertLevels(input);
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
    series: shown.flatMap((group) => {
      const points = replay.points.get(group);
      return points ? [{ group, points }] : [];
    }),
    firings: replay.firings.sort((a, b) => a.from.localeCompare(b.from)),
  };
}

const peakOf = (observation: Observation) => observation.compared ?? observation.value ?? Number.NEGATIVE_INFINITY;

/**
 * The groups whose highest value (or change) over the steps is highest, by name among equals
 * (users tied at a 100 % rate are many). Each step observes only the groups it changed: the
 * others' observations, and so their peaks, are those of the step before.
 */
function topGroups(
  stepCount: number,
  observe: (index: number, groups?: ReadonlySet<string>) => Map<string, Observation>,
  changed: (index: number) => ReadonlySet<string> | undefined,
): string[] {
  const peaks = new Map<string, number>();
  for (let index = 0; index < stepCount; index++)
    for (const [group, observation] of observe(index, changed(index)))
      peaks.set(group, Math.max(peaks.get(group) ?? Number.NEGATIVE_INFINITY, peakOf(observation)));
  return [...peaks]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, shownGroups)
    .map(([group]) => group);
}

/**
 * Each group's points and the state machine over the steps, from the step it is first seen
 * (a group seen once and then gone is observed as having no data, as evaluation does).
 */
function replayGroups(
  groups: ReadonlySet<string>,
  steps: Date[],
  observe: (index: number, groups: ReadonlySet<string>) => Map<string, Observation>,
  absent: Observation,
  input: AlertPreviewInput,
) {
  const rule = {
    condition: input.condition,
    severity: input.severity,
    forSeconds: input.forSeconds,
    keepFiringForSeconds: input.keepFiringForSeconds,
  };
  const points = new Map<string, Point[]>();
  const states = new Map<string, AlertInstanceState>();
  const open = new Map<string, { from: string; severity: AlertSeverityName }>();
  const firings: AlertPreview["firings"] = [];
  steps.forEach((at, index) => {
    const observed = observe(index, groups);
    for (const group of groups) {
      // A group is replayed from the first step its window has it (an unsplit rule's "" is in every one).
      const observation = observed.get(group) ?? (points.has(group) ? absent : null);
      if (observation === null) continue;
      const groupPoints =
        points.get(group) ?? steps.slice(0, index).map((t): Point => ({ t: t.toISOString(), value: null, compared: null, samples: null }));
      groupPoints.push({ t: at.toISOString(), value: observation.value, compared: observation.compared, samples: observation.samples });
      points.set(group, groupPoints);
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
  });
  for (const [group, started] of open) firings.push({ group, from: started.from, to: null, severity: started.severity });
  return { points, firings };
}
