import { z } from "zod";
import { listJudgeCalls } from "@/server/evaluation/judgeCalls";
import { db, type Queryable } from "@/server/db/client";
import type { Score, ScoreConfig } from "@/contracts/scores";
import { scoreConfigsByName } from "@/server/scores/scoreConfigs";
import { traceScoreCorrections, type TraceScoreCorrections } from "@/server/scores/traceScoreCorrections";
import type { Role } from "@/server/auth/permissions";
import { scoreSelect, serializeScore } from "@/server/scores/scoreQueries";
import { metricRanges } from "@/contracts/metrics";
import { traceListQuerySchema, type TraceListQuery, type TraceView } from "@/contracts/traces";
import type { StoredFeedbackEvent } from "@/contracts/feedback";
import { parseConsoleFilters } from "@/server/console/consoleFilters";
import { firstParam, type SearchParams } from "@/server/console/searchParams";
import { NotFoundError } from "@/server/errors";
import { listFeedbackOfTraces } from "@/server/feedback/feedbackQueries";
import { loadFeedbackSummaries, summariseFeedback, type FeedbackSummary } from "@/server/feedback/feedbackSummary";
import { rangePresetMs } from "@/server/metrics/metricsQuery";
import { excerpt, promptText, textOf } from "@/server/review/conversation";
import { listSessions, sessionConversation, type SessionSummary } from "@/server/traces/sessionQueries";
import { findTraceId, getTrace, listTraces } from "@/server/traces/traceQueries";
import { layoutWaterfall, type WaterfallRow } from "@/server/traces/waterfall";

const pageSize = 50;
const previewLength = 140;

/** The trace list's URL filters: the API's list query plus a preset time range (1h ... 30d). */
export const traceFiltersSchema = traceListQuerySchema.extend({
  range: z.enum(metricRanges).optional().describe("A preset ending now; a custom from wins"),
});

export interface TraceListFilters {
  /** What the list query runs with: a preset range becomes its `from`. */
  query: TraceListQuery;
  /** What the filter bar shows: the preset, or the custom from/to as given. */
  shown: { range: string | undefined; from: string | undefined; to: string | undefined };
  error: string | null;
}

/** The trace list's filters from its URL (through the one console filter reader), at `now`. */
export function traceListFilters(params: SearchParams, now: Date): TraceListFilters {
  const { query, error } = parseConsoleFilters(traceFiltersSchema, params, { limit: pageSize });
  const { range, ...listQuery } = query;
  const from = listQuery.from ?? (range ? new Date(now.getTime() - rangePresetMs[range]).toISOString() : undefined);
  return {
    query: { ...listQuery, ...(from ? { from } : {}) },
    shown: { range, from: listQuery.from, to: listQuery.to },
    error,
  };
}

const preview = (text: string) => excerpt(text, previewLength);

export interface TraceListRow {
  id: string;
  name: string | null;
  startTime: string;
  input: string;
  output: string;
  model: string | null;
  latencyMs: number | null;
  costUsd: number | null;
  status: TraceView["status"];
  feedback: FeedbackSummary;
  /** The trace's latest score of each name shown as a column. */
  scores: Record<string, ScoreCell>;
}

export type ScoreCell = Pick<Score, "value" | "category">;

const maxScoreColumns = 4;

/**
 * The score names the list shows as columns, and each trace's latest score of them: the
 * names most of the page's traces have first (a filtered name always first), at most four.
 * `scores` come newest first, as the page's one score query returns them.
 */
export function scoreColumns(
  scores: readonly Pick<Score, "traceId" | "name" | "value" | "category">[],
  filtered: string | undefined,
): { columns: string[]; cells: Map<string, Record<string, ScoreCell>> } {
  const cells = new Map<string, Record<string, ScoreCell>>();
  const traces = new Map<string, number>();
  for (const score of scores) {
    const row = cells.get(score.traceId) ?? {};
    cells.set(score.traceId, row);
    if (score.name in row) continue;
    row[score.name] = { value: score.value, category: score.category };
    traces.set(score.name, (traces.get(score.name) ?? 0) + 1);
  }
  const ranked = [...traces].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  const columns = filtered ? [filtered, ...ranked.filter((name) => name !== filtered)] : ranked;
  return { columns: columns.slice(0, maxScoreColumns), cells };
}

export interface TracesPageView {
  /** A trace id pasted into the search box: the page goes straight to that trace. */
  redirectTo: string | null;
  filters: TraceListFilters;
  rows: TraceListRow[];
  /** Score names shown as columns, in order. */
  scoreColumns: string[];
  /** The next (older) page, with the same filters. */
  olderHref: string | null;
}

/** The traces page: one page of traces, newest first, each with its feedback at a glance. */
export async function tracesPageView(projectId: string, params: SearchParams, now: Date = new Date()): Promise<TracesPageView> {
  const database = db();
  const filters = traceListFilters(params, now);
  const base = `/projects/${projectId}/traces`;
  const q = filters.query.q?.trim();
  if (q && !filters.query.cursor) {
    const id = await findTraceId(database, projectId, q);
    if (id) return { redirectTo: `${base}/${encodeURIComponent(id)}`, filters, rows: [], scoreColumns: [], olderHref: null };
  }
  const page = await listTraces(database, projectId, filters.query);
  const ids = page.data.map((trace) => trace.id);
  const [feedback, pageScores] = await Promise.all([
    loadFeedbackSummaries(database, projectId, ids),
    database.score.findMany({
      where: { projectId, traceId: { in: ids } },
      select: scoreSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
  ]);
  const shownScores = scoreColumns(pageScores.map(serializeScore), filters.query.score?.name);
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const single = firstParam(value);
    if (single !== undefined && key !== "cursor") next.set(key, single);
  }
  if (page.nextCursor) next.set("cursor", page.nextCursor);
  return {
    redirectTo: null,
    filters,
    rows: page.data.map((trace) => ({
      id: trace.id,
      name: trace.name,
      startTime: trace.startTime,
      input: preview(promptText(trace.input)),
      output: preview(textOf(trace.output)),
      model: trace.model,
      latencyMs: trace.latencyMs,
      costUsd: trace.costUsd,
      status: trace.status,
      feedback: feedback.get(trace.id) ?? summariseFeedback([]),
      scores: shownScores.cells.get(trace.id) ?? {},
    })),
    scoreColumns: shownScores.columns,
    olderHref: page.nextCursor ? `${base}?${next.toString()}` : null,
  };
}

export interface TraceStepRow extends WaterfallRow {
  /** The step got (or gave) exactly what the trace did: shown once, at the trace, not again here. */
  sameAsTrace: { input: boolean; output: boolean };
}

/** What the console needs of a score's config to show its scores: direction and threshold. */
export type ScoreDisplayConfig = Pick<
  ScoreConfig,
  "dataType" | "higherIsBetter" | "reviewThreshold" | "description" | "minValue" | "maxValue" | "categories"
>;

export interface TraceDetailView {
  trace: TraceView;
  feedback: FeedbackSummary;
  steps: TraceStepRow[];
  /** The configs of the names the trace's scores have. */
  scoreConfigs: Record<string, ScoreDisplayConfig>;
  /** What LLM judges were asked and answered about this trace. */
  judgeCalls: Awaited<ReturnType<typeof listJudgeCalls>>;
  /** Annotators' corrections of the evaluator scores, and whether the viewer may add one. */
  scoreCorrections: TraceScoreCorrections;
}

async function displayConfigs(database: Queryable, projectId: string, names: string[]): Promise<Record<string, ScoreDisplayConfig>> {
  if (names.length === 0) return {};
  const configs = await scoreConfigsByName(database, projectId, names);
  return Object.fromEntries(
    [...configs].map(([name, config]) => [
      name,
      {
        dataType: config.dataType,
        higherIsBetter: config.higherIsBetter,
        reviewThreshold: config.reviewThreshold,
        description: config.description,
        minValue: config.minValue,
        maxValue: config.maxValue,
        categories: config.categories,
      },
    ]),
  );
}

const sameJson = (a: unknown, b: unknown) => a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);

/**
 * The steps of a trace for its waterfall. The first LLM call usually gets the trace's input
 * word for word (and the last one gives its output): those are not sent or shown twice.
 */
export function traceSteps(trace: TraceView): TraceStepRow[] {
  return layoutWaterfall(trace.spans, trace.startTime, trace.endTime).map((row) => {
    const sameAsTrace = { input: sameJson(row.span.input, trace.input), output: sameJson(row.span.output, trace.output) };
    return {
      ...row,
      span: { ...row.span, input: sameAsTrace.input ? null : row.span.input, output: sameAsTrace.output ? null : row.span.output },
      sameAsTrace,
    };
  });
}

/** One trace with its steps and feedback; null when the project has no such trace (the page 404s). */
export async function traceDetailView(
  projectId: string,
  traceId: string,
  viewer: { userId: string; role: Role },
): Promise<TraceDetailView | null> {
  try {
    const database = db();
    const trace = await getTrace(database, projectId, traceId);
    const [scoreConfigs, judgeCalls, scoreCorrections] = await Promise.all([
      displayConfigs(
        database,
        projectId,
        trace.scores.map((score) => score.name),
      ),
      listJudgeCalls(database, projectId, traceId),
      traceScoreCorrections(database, projectId, trace.scores, viewer),
    ]);
    return { trace, feedback: summariseFeedback(trace.feedback), steps: traceSteps(trace), scoreConfigs, judgeCalls, scoreCorrections };
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export interface SessionListRow extends SessionSummary {
  firstMessage: string;
  feedback: FeedbackSummary;
}

// A session list page reads the ids of at most this many turns for its feedback column.
const sessionTurnCap = 5_000;

/** The sessions page: latest activity first, each with its first question, turns and feedback. */
export async function sessionsPageView(projectId: string): Promise<SessionListRow[]> {
  const database = db();
  const sessions = await listSessions(database, projectId);
  const sessionIds = sessions.map((session) => session.sessionId);
  if (sessionIds.length === 0) return [];
  const [firstTurns, turns] = await Promise.all([
    database.trace.findMany({
      where: { projectId, sessionId: { in: sessionIds } },
      orderBy: [{ sessionId: "asc" }, { startTime: "asc" }, { id: "asc" }],
      distinct: ["sessionId"],
      select: { sessionId: true, input: true },
    }),
    database.trace.findMany({
      where: { projectId, sessionId: { in: sessionIds } },
      orderBy: { startTime: "desc" },
      select: { id: true, sessionId: true },
      take: sessionTurnCap,
    }),
  ]);
  const feedback = await listFeedbackOfTraces(
    database,
    projectId,
    turns.map((turn) => turn.id),
  );
  const firstMessage = new Map(firstTurns.map((turn) => [turn.sessionId, preview(promptText(turn.input))]));
  return sessions.map((session) => ({
    ...session,
    firstMessage: firstMessage.get(session.sessionId) ?? "",
    // One fold over all the session's turns: it counts a person once per turn (feedbackSummary.ts).
    feedback: summariseFeedback(
      turns.filter((turn) => turn.sessionId === session.sessionId).flatMap((turn) => feedback.get(turn.id) ?? []),
    ),
  }));
}

export interface SessionTurn {
  id: string;
  name: string | null;
  startTime: string;
  latencyMs: number | null;
  status: TraceView["status"];
  /** The user's message of this turn (a turn's input usually repeats the whole history before it). */
  question: string;
  answer: string;
  feedback: StoredFeedbackEvent[];
}

export interface SessionView {
  sessionId: string;
  userId: string | null;
  turns: SessionTurn[];
  feedback: FeedbackSummary;
}

/** One session as the conversation it was, oldest turn first; null when the project has no such session (the page 404s). */
export async function sessionView(projectId: string, sessionId: string): Promise<SessionView | null> {
  try {
    const turns = (await sessionConversation(db(), projectId, sessionId)).map((turn): SessionTurn => ({
      id: turn.id,
      name: turn.name,
      startTime: turn.startTime,
      latencyMs: turn.latencyMs,
      status: turn.status,
      question: promptText(turn.input),
      answer: textOf(turn.output),
      feedback: turn.feedback,
    }));
    return {
      sessionId,
      userId: (await sessionUser(projectId, sessionId)) ?? null,
      turns,
      feedback: summariseFeedback(turns.flatMap((turn) => turn.feedback)),
    };
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

async function sessionUser(projectId: string, sessionId: string): Promise<string | null | undefined> {
  const row = await db().trace.findFirst({
    where: { projectId, sessionId, userId: { not: null } },
    orderBy: { startTime: "asc" },
    select: { userId: true },
  });
  return row?.userId;
}
