/** Where the run stands: what the progress line shows. */
export interface ProgressState {
  total: number;
  done: number;
  failed: number;
  retries: number;
  startedAtMs: number;
  nowMs: number;
}

function clock(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const two = (value: number) => String(value).padStart(2, "0");
  return hours > 0 ? `${hours}:${two(minutes % 60)}:${two(seconds % 60)}` : `${minutes}:${two(seconds % 60)}`;
}

/** Time left at the pace so far; unknown until the first item is done. */
export function etaMs(state: ProgressState): number | null {
  if (state.done === 0) return null;
  return ((state.nowMs - state.startedAtMs) / state.done) * (state.total - state.done);
}

/** One line: "12/40 items, 1 failed, 3 retries, ETA 0:35". */
export function progressLine(state: ProgressState): string {
  const eta = etaMs(state);
  return [
    `${state.done}/${state.total} items`,
    `${state.failed} failed`,
    `${state.retries} ${state.retries === 1 ? "retry" : "retries"}`,
    state.done === state.total ? `took ${clock(state.nowMs - state.startedAtMs)}` : `ETA ${eta === null ? "?" : clock(eta)}`,
  ].join(", ");
}

export interface ProgressOutput {
  write(text: string): void;
  isTTY?: boolean | undefined;
}

export interface ProgressReporter {
  answered(ok: boolean): void;
  retried(): void;
  /** Ends the line (a terminal's line is rewritten in place until then). */
  finish(): void;
}

/**
 * Progress on stderr: on a terminal one line rewritten in place; in a CI log (not a TTY)
 * a plain line at each tenth of the way and at the end, so logs stay short.
 */
export function createProgressReporter(output: ProgressOutput, total: number, now: () => number): ProgressReporter {
  const state: ProgressState = { total, done: 0, failed: 0, retries: 0, startedAtMs: now(), nowMs: now() };
  let lastTenth = 0;
  const show = () => {
    state.nowMs = now();
    if (output.isTTY) {
      output.write(`\r\u001b[2K${progressLine(state)}`);
      return;
    }
    const tenth = total === 0 ? 10 : Math.floor((state.done * 10) / total);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      output.write(`${progressLine(state)}\n`);
    }
  };
  return {
    answered(ok) {
      state.done += 1;
      if (!ok) state.failed += 1;
      show();
    },
    retried() {
      state.retries += 1;
      if (output.isTTY) show();
    },
    finish() {
      if (output.isTTY) output.write("\n");
    },
  };
}
