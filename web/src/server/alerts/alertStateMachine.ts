import { conditionLevel, type AlertCondition, type AlertSeverityName, type AlertStateName } from "@/contracts/alerts";
import type { Observation } from "@/server/alerts/alertObservation";

/** What an alert instance remembers between evaluations. */
export interface AlertInstanceState {
  state: AlertStateName;
  /** The firing level while firing or recovering. */
  severity: AlertSeverityName | null;
  /** When the instance entered its state. */
  since: Date;
  /** Since when each level has held at every evaluation (the `for` clocks). */
  warningSince: Date | null;
  criticalSince: Date | null;
  /** When the value last left the firing level (the keep-firing-for clock). */
  recoveringSince: Date | null;
}

export interface AlertRuleTiming {
  condition: AlertCondition;
  severity: AlertSeverityName;
  forSeconds: number;
  keepFiringForSeconds: number;
}

export interface AlertTransition {
  from: AlertStateName;
  to: AlertStateName;
  severity: AlertSeverityName | null;
  /** The level crossed: the trigger of a pending or firing level, the recovery level on the way out. */
  level: number | null;
}

export interface AlertStep {
  state: AlertInstanceState;
  /** Null when nothing changed (same state and severity). */
  transition: AlertTransition | null;
}

interface Level {
  trigger: number;
  recovery: number;
}

/** The rule's levels: the threshold at its severity, and a warning below a critical threshold. */
export function alertLevels(rule: Pick<AlertRuleTiming, "condition" | "severity">): Record<AlertSeverityName, Level | null> {
  const { condition } = rule;
  const main = { trigger: conditionLevel(condition), recovery: condition.recovery ?? conditionLevel(condition) };
  if (rule.severity === "warning") return { warning: main, critical: null };
  const warning =
    condition.warning === undefined ? null : { trigger: condition.warning, recovery: condition.warningRecovery ?? condition.warning };
  return { warning, critical: main };
}

const rank: Record<AlertSeverityName, number> = { warning: 1, critical: 2 };
const isFiring = (state: AlertStateName) => state === "firing" || state === "recovering";

/**
 * One evaluation of one instance: Prometheus-style `for` (a level must hold at every
 * evaluation that long before it fires) and `keep_firing_for` (after the value recovers the
 * alert keeps firing that long, and returns to firing at once if the value comes back), with
 * hysteresis: once firing at a level, the value must cross that level's recovery level to
 * leave it. Escalation from warning to critical needs the critical level to have held for
 * `for` too; de-escalation is immediate. No data clears every clock.
 */
export function nextAlertState(previous: AlertInstanceState | null, observation: Observation, rule: AlertRuleTiming, now: Date): AlertStep {
  const before: AlertStateName = previous?.state ?? "ok";
  const step = (state: AlertInstanceState, level: number | null): AlertStep => ({
    state,
    transition:
      state.state === before && state.severity === (previous?.severity ?? null)
        ? null
        : { from: before, to: state.state, severity: state.severity, level },
  });
  const enter = (state: AlertStateName) => (previous && previous.state === state ? previous.since : now);

  const x = observation.compared;
  if (x === null) {
    return step(
      { state: "no_data", severity: null, since: enter("no_data"), warningSince: null, criticalSince: null, recoveringSince: null },
      null,
    );
  }

  const levels = alertLevels(rule);
  const above = rule.condition.op === "above";
  const past = (value: number, level: number) => (above ? value > level : value < level);
  const firingRank = previous && isFiring(previous.state) && previous.severity ? rank[previous.severity] : 0;
  // Hysteresis: the level that is firing holds until the value crosses its recovery level.
  const holds = (severity: AlertSeverityName) => {
    const level = levels[severity];
    if (!level) return false;
    return past(x, firingRank >= rank[severity] ? level.recovery : level.trigger);
  };
  const criticalHolds = holds("critical");
  // A value past the critical level is past the warning level too.
  const warningHolds = holds("warning") || (criticalHolds && levels.warning !== null);
  const criticalSince = criticalHolds ? (previous?.criticalSince ?? now) : null;
  const warningSince = warningHolds ? (previous?.warningSince ?? now) : null;
  const due = (since: Date | null) => since !== null && now.getTime() - since.getTime() >= rule.forSeconds * 1000;
  const clocks = { warningSince, criticalSince };

  let firing: AlertSeverityName | null = due(criticalSince) ? "critical" : due(warningSince) ? "warning" : null;
  // Back past a level while keeping firing: firing again at once, whatever `for` says.
  if (!firing && previous?.state === "recovering") firing = criticalHolds ? "critical" : warningHolds ? "warning" : null;
  if (firing) {
    const level = levels[firing]?.trigger ?? null;
    const since = previous?.state === "firing" ? previous.since : now;
    return step({ state: "firing", severity: firing, since, ...clocks, recoveringSince: null }, level);
  }

  if (previous && firingRank > 0 && previous.severity) {
    const recoveringSince = previous.state === "recovering" && previous.recoveringSince ? previous.recoveringSince : now;
    const recovery = levels[previous.severity]?.recovery ?? null;
    if (now.getTime() - recoveringSince.getTime() >= rule.keepFiringForSeconds * 1000)
      return step({ state: "ok", severity: null, since: now, ...clocks, recoveringSince: null }, recovery);
    return step({ state: "recovering", severity: previous.severity, since: enter("recovering"), ...clocks, recoveringSince }, recovery);
  }

  if (warningSince || criticalSince) {
    const pendingLevel = criticalSince ? levels.critical?.trigger : levels.warning?.trigger;
    return step({ state: "pending", severity: null, since: enter("pending"), ...clocks, recoveringSince: null }, pendingLevel ?? null);
  }
  return step({ state: "ok", severity: null, since: enter("ok"), ...clocks, recoveringSince: null }, null);
}
