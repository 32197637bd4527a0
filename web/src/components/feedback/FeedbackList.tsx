import type { StoredFeedbackEvent } from "@/contracts/feedback";
import { formatTime } from "@/components/traces/format";

/** What one event says, in words a reviewer reads at a glance. */
export function describeFeedback(event: StoredFeedbackEvent): string {
  switch (event.type) {
    case "thumb":
      return event.value === 1 ? "👍 Thumbs up" : event.value === -1 ? "👎 Thumbs down" : "Thumb withdrawn";
    case "rating":
      return `★ ${event.value ?? "?"} of ${event.scale ?? 5}`;
    case "reasons":
      return `Reasons: ${event.reasons.join(", ")}`;
    case "comment":
      return "Comment";
    case "report":
      return `Reported: ${event.category ?? "other"}`;
    case "copy":
      return "Copied the answer";
    case "rephrase":
      return `Rephrased the question (similarity ${event.value?.toFixed(2) ?? "?"})`;
    case "regenerate":
      return "Asked to regenerate";
  }
}

/** A trace's feedback, newest first, with comments and report texts in full. */
export function FeedbackList({ events }: { events: StoredFeedbackEvent[] }) {
  if (events.length === 0) return <p className="muted">No feedback on this trace yet.</p>;
  return (
    <ul className="feedback-list" aria-label="Feedback events">
      {events.map((event) => (
        <li key={event.id} data-type={event.type}>
          <strong>{describeFeedback(event)}</strong>{" "}
          <span className="muted">
            {formatTime(event.timestamp)}
            {event.userId ? ` · user ${event.userId}` : ""}
          </span>
          {event.comment ? <blockquote>{event.comment}</blockquote> : null}
        </li>
      ))}
    </ul>
  );
}
