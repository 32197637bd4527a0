import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/server/db/client";
import { sessionConversation } from "@/server/traces/sessionQueries";
import { NotFoundError } from "@/server/errors";
import { IoView } from "@/components/traces/IoView";
import { formatMs, formatTime } from "@/components/traces/format";
import { FeedbackList } from "@/components/feedback/FeedbackList";

/** A session read as the conversation it was: each turn's prompt and answer, oldest first. */
export async function SessionConversation({ projectId, sessionId }: { projectId: string; sessionId: string }) {
  const turns = await sessionConversation(db(), projectId, sessionId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <h1>Session {sessionId}</h1>
      <ol className="conversation">
        {turns.map((turn) => (
          <li key={turn.id} className="panel">
            <p className="muted">
              {formatTime(turn.startTime)} · {formatMs(turn.latencyMs)} ·{" "}
              <Link href={`/projects/${projectId}/traces/${encodeURIComponent(turn.id)}`}>open trace</Link>
            </p>
            <IoView
              label="Input"
              value={Array.isArray(turn.input) ? turn.input.filter((message) => message.role !== "system") : turn.input}
            />
            <IoView label="Output" value={turn.output} />
            {turn.feedback.length > 0 ? <FeedbackList events={turn.feedback} /> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
