import { describe, expect, it } from "vitest";
import type { AlertCondition } from "@/contracts/alerts";
import { nextAlertState, type AlertInstanceState, type AlertRuleTiming, type AlertTransition } from "@/server/alerts/alertStateMachine";
import type { Observation } from "@/server/alerts/alertObservation";

const start = Date.UTC(2026, 10, 28, 12, 0);
const minute = 60_000;

const seen = (compared: number | null): Observation => ({
  value: compared,
  compared,
  samples: compared === null ? null : 100,
  noData: null,
});

/** Feeds one value per minute and returns the state names and the transitions. */
function run(rule: AlertRuleTiming, values: (number | null)[]) {
  let state: AlertInstanceState | null = null;
  const states: string[] = [];
  const transitions: (AlertTransition & { minute: number })[] = [];
  values.forEach((value, index) => {
    const step = nextAlertState(state, seen(value), rule, new Date(start + index * minute));
    state = step.state;
    states.push(state.severity ? `${state.state}:${state.severity}` : state.state);
    if (step.transition) transitions.push({ ...step.transition, minute: index });
  });
  return { states, transitions };
}

const rule = (condition: AlertCondition, timing: Partial<AlertRuleTiming> = {}): AlertRuleTiming => ({
  condition,
  severity: "critical",
  forSeconds: 0,
  keepFiringForSeconds: 0,
  ...timing,
});

describe("nextAlertState", () => {
  it("fires only after the condition held at every evaluation for the `for` duration, once, and resolves once", () => {
    const { states, transitions } = run(rule({ op: "above", threshold: 5 }, { forSeconds: 180 }), [1, 6, 7, 8, 9, 9, 2, 1]);
    expect(states).toEqual(["ok", "pending", "pending", "pending", "firing:critical", "firing:critical", "ok", "ok"]);
    expect(transitions.map((t) => `${t.minute} ${t.from}->${t.to}`)).toEqual(["1 ok->pending", "4 pending->firing", "6 firing->ok"]);
    expect(transitions[1]?.level).toBe(5);
  });

  it("restarts the `for` clock when one evaluation in between does not hold", () => {
    const { states } = run(rule({ op: "above", threshold: 5 }, { forSeconds: 120 }), [6, 6, 4, 6, 6, 6]);
    expect(states).toEqual(["pending", "pending", "ok", "pending", "pending", "firing:critical"]);
  });

  it("keeps firing until the value crosses the recovery level (hysteresis)", () => {
    const { states, transitions } = run(rule({ op: "above", threshold: 5, recovery: 3 }), [6, 4, 4.5, 3.5, 2.9, 4]);
    expect(states).toEqual(["firing:critical", "firing:critical", "firing:critical", "firing:critical", "ok", "ok"]);
    expect(transitions.at(-1)).toMatchObject({ from: "firing", to: "ok", level: 3 });
  });

  it("keeps firing for keepFiringFor after recovering and goes back to firing at once when the value returns", () => {
    const { states, transitions } = run(rule({ op: "above", threshold: 5 }, { forSeconds: 600, keepFiringForSeconds: 120 }), [
      ...Array<number>(11).fill(6),
      4,
      7,
      4,
      4,
      4,
    ]);
    expect(states.slice(10)).toEqual([
      "firing:critical",
      "recovering:critical",
      "firing:critical",
      "recovering:critical",
      "recovering:critical",
      "ok",
    ]);
    expect(transitions.filter((t) => t.to === "ok")).toHaveLength(1);
  });

  it("fires a warning first and escalates when the critical level has held for `for` too", () => {
    const condition: AlertCondition = { op: "above", threshold: 0.05, warning: 0.02, warningRecovery: 0.015 };
    const { states, transitions } = run(rule(condition, { forSeconds: 120 }), [0.03, 0.03, 0.03, 0.06, 0.06, 0.06, 0.03, 0.016, 0.01]);
    expect(states).toEqual([
      "pending",
      "pending",
      "firing:warning",
      "firing:warning",
      "firing:warning",
      "firing:critical",
      "firing:warning",
      "firing:warning",
      "ok",
    ]);
    expect(transitions.map((t) => `${t.to}:${t.severity ?? "-"}`)).toEqual([
      "pending:-",
      "firing:warning",
      "firing:critical",
      "firing:warning",
      "ok:-",
    ]);
  });

  it("watches for a value below the level with op below", () => {
    const { states } = run(rule({ op: "below", threshold: 10, recovery: 12 }), [20, 9, 11, 13]);
    expect(states).toEqual(["ok", "firing:critical", "firing:critical", "ok"]);
  });

  it("goes to no data without firing, and a pending clock starts over after it", () => {
    const { states, transitions } = run(rule({ op: "above", threshold: 5 }, { forSeconds: 120 }), [6, 6, null, 6, 6, 6]);
    expect(states).toEqual(["pending", "pending", "no_data", "pending", "pending", "firing:critical"]);
    expect(transitions.map((t) => t.to)).toEqual(["pending", "no_data", "pending", "firing"]);
  });

  it("a rule of severity warning fires warnings", () => {
    const { states } = run(rule({ op: "above", threshold: 5 }, { severity: "warning" }), [6, 1]);
    expect(states).toEqual(["firing:warning", "ok"]);
  });
});
