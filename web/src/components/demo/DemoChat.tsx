"use client";

import { useState, type SyntheticEvent } from "react";
import { Feedback, FeedbackProvider, useFeedback } from "@liveloop/widget";
import type { DemoChatReply } from "@/contracts/demo";

interface Turn {
  question: string;
  reply: DemoChatReply | null;
  error: string | null;
}

/** The demo page's chat: the host application, from the widget's point of view. */
export function DemoChat({ publicKey }: { publicKey: string }) {
  // The page is served by the app, so the feedback endpoint is this origin.
  return (
    <FeedbackProvider endpoint="/" publicKey={publicKey} theme="auto">
      <Conversation />
    </FeedbackProvider>
  );
}

function Conversation() {
  const { client } = useFeedback();
  const [sessionId] = useState(() => crypto.randomUUID());
  const [turns, setTurns] = useState<Turn[]>([]);
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);

  async function ask(question: string, regenerateOf?: string) {
    setBusy(true);
    const history = turns.flatMap((turn) =>
      turn.reply
        ? [
            { role: "user" as const, content: turn.question },
            { role: "assistant" as const, content: turn.reply.answer },
          ]
        : [],
    );
    let turn: Turn;
    try {
      const response = await fetch("/api/demo/chat", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sessionId, message: question, history: history.slice(-20), regenerateOf }),
      });
      const body = (await response.json()) as DemoChatReply | { detail?: string };
      turn =
        response.ok && "traceId" in body
          ? { question, reply: body, error: null }
          : { question, reply: null, error: "detail" in body && body.detail ? body.detail : `HTTP ${response.status}` };
    } catch (error) {
      turn = { question, reply: null, error: error instanceof Error ? error.message : "The request failed" };
    }
    setTurns((current) => [...current, turn]);
    setBusy(false);
  }

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const question = draft.trim();
    if (!question || busy) return;
    // The widget compares this message with the previous question to spot a rephrase.
    client?.userMessage(question, { sessionId });
    setDraft("");
    void ask(question);
  }

  return (
    <section className="stack" aria-label="Conversation">
      <ol className="demo-turns">
        {turns.map((turn, index) => (
          <li key={turn.reply?.traceId ?? `failed-${index}`} className="stack">
            <p className="demo-question">{turn.question}</p>
            {turn.reply ? (
              <article className="demo-answer stack" aria-label="Answer">
                <Feedback.Answer traceId={turn.reply.traceId}>
                  <p>{turn.reply.answer}</p>
                </Feedback.Answer>
                <Feedback.Bar
                  traceId={turn.reply.traceId}
                  feedbackToken={turn.reply.feedbackToken}
                  sessionId={sessionId}
                  stars
                  copyText={turn.reply.answer}
                />
                <div>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => {
                      if (!turn.reply) return;
                      client?.regenerate(turn.reply.traceId, { sessionId });
                      void ask(turn.question, turn.reply.traceId);
                    }}
                  >
                    Regenerate
                  </button>
                </div>
              </article>
            ) : (
              <p role="alert" className="error">
                {turn.error}
              </p>
            )}
          </li>
        ))}
      </ol>
      <form onSubmit={submit} className="row">
        <label htmlFor="demo-question" className="sr-only">
          Your question
        </label>
        <input
          id="demo-question"
          value={draft}
          placeholder="Ask the shop assistant…"
          autoComplete="off"
          onChange={(event) => {
            setDraft(event.target.value);
          }}
          style={{ flex: 1 }}
        />
        <button type="submit" disabled={busy || draft.trim() === ""}>
          {busy ? "Answering…" : "Send"}
        </button>
      </form>
    </section>
  );
}
