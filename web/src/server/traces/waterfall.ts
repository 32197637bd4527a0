import type { SpanView } from "@/contracts/traces";

export interface WaterfallRow {
  span: SpanView;
  depth: number;
  /** Where the bar starts and how long it is, in percent of the trace's time range. */
  offsetPercent: number;
  widthPercent: number;
}

/**
 * Orders spans as a tree (children after their parent, siblings by start time) and
 * places each as a bar on the trace's time axis. Spans whose parent is missing sit at
 * the root. A span without an end is drawn to the end of the trace.
 */
export function layoutWaterfall(spans: SpanView[], traceStart: string, traceEnd: string | null): WaterfallRow[] {
  const start = Date.parse(traceStart);
  const spanEnds = spans.map((span) => Date.parse(span.endTime ?? span.startTime));
  const end = Math.max(traceEnd ? Date.parse(traceEnd) : start, ...spanEnds, start + 1);
  const total = end - start;
  const ids = new Set(spans.map((span) => span.id));
  const children = new Map<string | null, SpanView[]>();
  for (const span of spans) {
    const parent = span.parentId && ids.has(span.parentId) ? span.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  for (const list of children.values()) list.sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime) || a.id.localeCompare(b.id));

  const rows: WaterfallRow[] = [];
  const visited = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const span of children.get(parent) ?? []) {
      if (visited.has(span.id)) continue; // a cycle in parent ids must not loop forever
      visited.add(span.id);
      const spanStart = Date.parse(span.startTime);
      const spanEnd = span.endTime ? Date.parse(span.endTime) : end;
      const offsetPercent = ((spanStart - start) / total) * 100;
      rows.push({ span, depth, offsetPercent, widthPercent: Math.max(((spanEnd - spanStart) / total) * 100, 0.5) });
      visit(span.id, depth + 1);
    }
  };
  visit(null, 0);
  // Spans caught in a parent cycle never hang off the root: show them there anyway.
  for (const span of spans) if (!visited.has(span.id)) rows.push({ span, depth: 0, offsetPercent: 0, widthPercent: 100 });
  return rows;
}
