import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { mapJsonStrings, maxJsonDepth, normaliseText } from "@/contracts/common";
import { ingestTransactionOptions, loadIngestSettings, lockTraces } from "@/server/traces/ingestTraces";
import { rejectedItems, storeOtlpTraces, type OtlpIngestResult } from "@/server/otel/ingestOtlp";
import type { DecodedOtlpLogs } from "@/server/otel/decodeOtlpLogs";
import { carriesContent, type GenAiLogRecord } from "@/server/otel/genAiLogEvent";

/**
 * How long a GenAI event is kept: it waits this long for its span (exporters send a span
 * seconds after its events, or before them), and a span exported again meanwhile is
 * rebuilt with it. Purged by the project's next log export, so no job is needed.
 */
export const genAiLogEventRetentionMs = 24 * 3_600_000;

const maxInt64 = 2n ** 63n - 1n;
const isId = (value: string, hexDigits: number) => value.length === hexDigits && /^[0-9a-f]+$/.test(value) && /[^0]/.test(value);

/** Identifies a record across retries: its content, and which copy it is when an export repeats one (one prompt can say "ok" twice). */
function recordKeys(events: { event: GenAiLogRecord; body: unknown }[]): string[] {
  const copies = new Map<string, number>();
  return events.map(({ event, body }) => {
    const content = createHash("sha256")
      .update(JSON.stringify([event.traceId, event.spanId, event.name, event.timeUnixNano.toString(), body]))
      .digest("hex");
    const copy = copies.get(content) ?? 0;
    copies.set(content, copy + 1);
    return `${content}:${copy}`;
  });
}

/**
 * Stores the GenAI events of an OTLP log export and attaches them to their spans. Each
 * event is kept (keyed, so a retried export adds nothing); the traces whose span is
 * already stored are rebuilt at once with the events' messages, the others when their
 * span arrives (`storeOtlpTraces` reads the events of every span it writes). An event
 * without a trace and span id cannot be attached and is counted as rejected.
 */
export async function ingestGenAiLogEvents(
  database: Database,
  projectId: string,
  decoded: DecodedOtlpLogs,
  now: Date,
): Promise<OtlpIngestResult> {
  const bodies = decoded.events
    .filter((event) => carriesContent(event.body))
    .map((event) => ({
      event,
      body: mapJsonStrings(event.body, normaliseText, { maxDepth: maxJsonDepth, mapKeys: true })?.value ?? null,
    }));
  const attachable = bodies.filter(({ event }) => isId(event.traceId, 32) && isId(event.spanId, 16));
  const unattached = bodies.length - attachable.length;
  const unattachedResult: OtlpIngestResult = {
    rejected: unattached,
    errorMessage: unattached > 0 ? `${unattached} GenAI event(s) carry no trace and span id, so no model call to attach them to` : "",
  };
  if (attachable.length === 0) return unattachedResult;

  const settings = await loadIngestSettings(database, projectId);
  const keys = recordKeys(attachable);
  const rows = attachable.map(({ event, body }, position) => {
    const stored = settings.redact.json(body);
    return {
      projectId,
      traceId: event.traceId,
      spanId: event.spanId,
      recordKey: keys[position] ?? "",
      name: event.name,
      timeUnixNano: event.timeUnixNano > maxInt64 ? maxInt64 : event.timeUnixNano,
      position,
      body: stored === null || stored === undefined ? Prisma.DbNull : stored,
      receivedAt: now,
    };
  });
  const traceIds = [...new Set(rows.map((row) => row.traceId))];
  const { rejected } = await database.$transaction(async (tx) => {
    await lockTraces(tx, projectId, traceIds);
    await tx.genAiLogEvent.deleteMany({ where: { projectId, receivedAt: { lt: new Date(now.getTime() - genAiLogEventRetentionMs) } } });
    const { count } = await tx.genAiLogEvent.createMany({ data: rows, skipDuplicates: true });
    // A retried export stored nothing new: its spans already hold these messages.
    if (count === 0) return { rejected: [], accepted: [] };
    const withSpan = await tx.span.findMany({
      where: { projectId, traceId: { in: traceIds }, id: { in: [...new Set(rows.map((row) => row.spanId))] } },
      select: { traceId: true },
      distinct: ["traceId"],
    });
    if (withSpan.length === 0) return { rejected: [], accepted: [] };
    return storeOtlpTraces(
      tx,
      projectId,
      withSpan.map((span) => span.traceId),
      [],
      settings,
    );
  }, ingestTransactionOptions);
  const eventsPerTrace = new Map<string, number>();
  for (const row of rows) eventsPerTrace.set(row.traceId, (eventsPerTrace.get(row.traceId) ?? 0) + 1);
  const rebuild = rejectedItems(rejected, eventsPerTrace);
  return {
    rejected: unattachedResult.rejected + rebuild.rejected,
    errorMessage: [unattachedResult.errorMessage, rebuild.errorMessage].filter(Boolean).join("; "),
  };
}
