import Link from "next/link";
import type { TraceView } from "@/contracts/traces";
import { layoutWaterfall } from "@/server/traces/waterfall";
import { IoView, JsonView } from "@/components/traces/IoView";
import { Waterfall } from "@/components/traces/Waterfall";
import { formatMs, formatTime, formatTokens, formatUsd } from "@/components/traces/format";
import { FeedbackList } from "@/components/feedback/FeedbackList";

/**
 * Everything known about one interaction: summary, input and output, steps, the end
 * user's feedback; scores and review actions get their sections as those capabilities land.
 */
export function TraceDetail({ projectId, trace }: { projectId: string; trace: TraceView }) {
  const base = `/projects/${projectId}`;
  return (
    <>
      <h1>{trace.name ?? "Trace"}</h1>
      <p className="muted">
        <code>{trace.id}</code> · {formatTime(trace.startTime)}
      </p>
      <section className="panel" aria-label="Summary">
        <dl className="facts">
          <dt>Status</dt>
          <dd data-status={trace.status}>{trace.status}</dd>
          <dt>Latency</dt>
          <dd>{formatMs(trace.latencyMs)}</dd>
          <dt>Time to first token</dt>
          <dd>{formatMs(trace.ttftMs)}</dd>
          <dt>Model</dt>
          <dd>{trace.model ?? "—"}</dd>
          <dt>Tokens</dt>
          <dd>{formatTokens(trace.usage)}</dd>
          <dt>Cost</dt>
          <dd>
            {formatUsd(trace.costUsd)}
            {trace.costSource === "computed" ? <span className="muted"> (from the price table)</span> : null}
          </dd>
          <dt>Release</dt>
          <dd>{trace.release ?? "—"}</dd>
          <dt>Prompt version</dt>
          <dd>{trace.promptVersion ?? "—"}</dd>
          <dt>Session</dt>
          <dd>{trace.sessionId ? <Link href={`${base}/sessions/${encodeURIComponent(trace.sessionId)}`}>{trace.sessionId}</Link> : "—"}</dd>
          <dt>User</dt>
          <dd>{trace.userId ? <Link href={`${base}/traces?userId=${encodeURIComponent(trace.userId)}`}>{trace.userId}</Link> : "—"}</dd>
        </dl>
        {trace.error ? (
          <p className="error" role="note">
            {trace.error}
          </p>
        ) : null}
        {trace.config ? <JsonView value={trace.config} summary="Model settings" /> : null}
        {trace.promptTemplate ? <JsonView value={trace.promptTemplate} summary="Prompt template" /> : null}
        {trace.metadata ? <JsonView value={trace.metadata} summary="Metadata" /> : null}
      </section>
      <div className="panel">
        <IoView label="Input" value={trace.input} />
        <IoView label="Output" value={trace.output} />
      </div>
      <section className="panel" aria-labelledby="steps-heading">
        <h2 id="steps-heading">Steps</h2>
        <Waterfall rows={layoutWaterfall(trace.spans, trace.startTime, trace.endTime)} />
      </section>
      <section className="panel" aria-labelledby="feedback-heading">
        <h2 id="feedback-heading">Feedback</h2>
        <FeedbackList events={trace.feedback} />
      </section>
      <section className="panel" aria-labelledby="scores-heading">
        <h2 id="scores-heading">Scores</h2>
        <p className="muted">No scores on this trace yet.</p>
      </section>
    </>
  );
}
