import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/server/db/client";
import { can, type Role } from "@/server/auth/permissions";
import { annotationHistory, clusterNeighbours, getReviewItem } from "@/server/review/reviewQueries";
import { getReviewRules } from "@/server/review/reviewRules";
import { seesOthersLabels } from "@/server/review/agreementQueries";
import { getTrace } from "@/server/traces/traceQueries";
import { NotFoundError } from "@/server/errors";
import { chatMessagesOf, textOf } from "@/server/review/conversation";
import { FeedbackList } from "@/components/feedback/FeedbackList";
import { formatTime } from "@/components/traces/format";
import { Markdown } from "@/components/review/Markdown";
import { LabelForm } from "@/components/review/LabelForm";
import { StartReviewing } from "@/components/review/StartReviewing";
import { AdjudicationForm } from "@/components/review/AdjudicationForm";
import { Waterfall } from "@/components/traces/Waterfall";
import { layoutWaterfall } from "@/server/traces/waterfall";
import { reasonLabel } from "@/components/review/ReviewQueuePage";

/** One item under review: the conversation, the answer, the signals, and (for its holder) the label form. */
export async function ReviewItemPage({
  projectId,
  itemId,
  userId,
  role,
}: {
  projectId: string;
  itemId: string;
  userId: string;
  role: Role;
}) {
  const database = db();
  const item = await getReviewItem(database, projectId, itemId);
  if (!item) notFound();
  const [trace, rules, neighbours] = await Promise.all([
    getTrace(database, projectId, item.traceId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    }),
    getReviewRules(database, projectId),
    clusterNeighbours(database, projectId, itemId),
  ]);
  const heldByMe = (await database.reviewItem.count({ where: { id: itemId, status: "in_review", leasedById: userId } })) === 1;
  // Independent annotations: others' labels stay hidden until the viewer has given theirs (adjudicators see all).
  const visibleAnnotations = seesOthersLabels(
    { userId, role },
    item.annotations.map((annotation) => annotation.annotatorId),
  )
    ? item.annotations
    : [];
  const answer = trace ? textOf(trace.output) : "";
  const history = visibleAnnotations.length > 0 ? await annotationHistory(database, projectId, itemId) : [];
  const summary = (fields: { category?: string; decision?: string; severity?: string } | null) =>
    fields ? `${fields.category ?? "?"} (${fields.severity ?? "?"}), ${(fields.decision ?? "?").replace("_", " ")}` : "nothing";

  return (
    <>
      <h1>Review</h1>
      <p className="muted">
        {item.reasons.map((reason) => reasonLabel[reason]).join(", ")} · priority {item.priority}
        {item.clusterSize > 1 ? ` · ${item.clusterSize} similar complaints` : ""} · queued {formatTime(item.createdAt)} ·{" "}
        <Link href={`/projects/${projectId}/traces/${encodeURIComponent(item.traceId)}`}>open trace</Link>
      </p>
      {trace ? (
        <>
          <section className="panel" aria-label="Conversation">
            <h2>Conversation</h2>
            <ol className="conversation">
              {chatMessagesOf(trace.input).map((message, index) => (
                <li key={index} data-role={message.role}>
                  <strong>{message.role}</strong>
                  <Markdown text={message.content} />
                </li>
              ))}
            </ol>
          </section>
          <section className="panel" aria-label="Answer">
            <h2>Answer</h2>
            <Markdown text={answer} />
            <p className="muted">
              Model {trace.model ?? "—"} · release {trace.release ?? "—"} · prompt version {trace.promptVersion ?? "—"} ·{" "}
              {trace.spans.length} steps
            </p>
          </section>
          {trace.spans.length > 0 ? (
            <section className="panel" aria-labelledby="steps-heading">
              <h2 id="steps-heading">Steps</h2>
              <Waterfall rows={layoutWaterfall(trace.spans, trace.startTime, trace.endTime)} />
            </section>
          ) : null}
          <section className="panel" aria-labelledby="signals-heading">
            <h2 id="signals-heading">Feedback</h2>
            <FeedbackList events={trace.feedback} />
          </section>
        </>
      ) : (
        <p className="panel">The trace {item.traceId} has not been received yet: only its feedback is known.</p>
      )}
      {neighbours.length > 0 ? (
        <section className="panel" aria-label="Similar complaints">
          <h2>Similar complaints</h2>
          <ul>
            {neighbours.map((neighbour) => (
              <li key={neighbour.id}>
                <Link href={`/projects/${projectId}/review/${neighbour.id}`}>{neighbour.traceId}</Link> ({neighbour.status})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {visibleAnnotations.length > 0 ? (
        <section className="panel" aria-label="Annotations">
          <h2>Annotations</h2>
          <ul>
            {visibleAnnotations.map((annotation) => (
              <li key={annotation.id}>
                {annotation.annotatorEmail}: {annotation.category} ({annotation.severity}), {annotation.decision.replace("_", " ")} ·{" "}
                {formatTime(annotation.updatedAt)}
                {annotation.notes ? <blockquote>{annotation.notes}</blockquote> : null}
              </li>
            ))}
          </ul>
          {item.adjudicatedCategory ? <p>Adjudicated: {item.adjudicatedCategory.replace(/_/g, " ")}</p> : null}
          {!item.adjudicatedCategory && can(role, "review:adjudicate") && new Set(item.annotations.map((a) => a.category)).size > 1 ? (
            <AdjudicationForm projectId={projectId} itemId={itemId} categories={rules.failureCategories} />
          ) : null}
          <h3>History</h3>
          <ol aria-label="Annotation history">
            {history.map((change) => (
              <li key={change.id}>
                {formatTime(change.at)} · {change.editor}: {summary(change.before)} → {summary(change.after)}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {heldByMe ? (
        <LabelForm projectId={projectId} itemId={itemId} categories={rules.failureCategories} originalAnswer={answer} />
      ) : can(role, "review:annotate") ? (
        <section className="panel">
          <p>
            {item.status === "in_review"
              ? `${item.leasedBy ?? "Someone"} is reviewing this item.`
              : `This item is ${item.status.replace("_", " ")}.`}
          </p>
          <StartReviewing projectId={projectId} label="Review the next item" />
        </section>
      ) : null}
    </>
  );
}
