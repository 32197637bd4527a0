"use client";

import { useRef, useState, type SyntheticEvent } from "react";
import { useTheme } from "next-themes";
import { Box, Button, Card, Flex, Text, TextField } from "@radix-ui/themes";
import { PaperPlaneIcon, ReloadIcon } from "@radix-ui/react-icons";
import { Feedback, FeedbackProvider, useFeedback } from "@liveloop/widget";
import type { DemoChatReply, DemoChatStreamEvent } from "@/contracts/demo";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import styles from "./DemoChat.module.css";

interface Turn {
  /** Stable across regenerations, so React keeps the turn's place. */
  id: string;
  question: string;
  /** What has streamed in so far. */
  text: string;
  reply: DemoChatReply | null;
  error: string | null;
}

const suggestions = ["Where is my parcel?", "How do I return a jacket?", "When is the store open?"];

/** The demo page's chat: the host application, from the widget's point of view. */
export function DemoChat({ publicKey: initialKey }: { publicKey: string | null }) {
  // The first answer makes the demo project and its key when the visitor had none yet.
  const [publicKey, setPublicKey] = useState(initialKey);
  const { resolvedTheme } = useTheme();
  const theme = resolvedTheme === "dark" ? "dark" : resolvedTheme === "light" ? "light" : "auto";
  // The page is served by the app, so the feedback endpoint is this origin.
  return (
    <FeedbackProvider endpoint="/" publicKey={publicKey ?? undefined} theme={theme}>
      <Conversation onPublicKey={setPublicKey} />
    </FeedbackProvider>
  );
}

/** Reads the endpoint's NDJSON stream, handing each event over as its line completes. */
async function readEvents(response: Response, onEvent: (event: DemoChatStreamEvent) => void): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) throw new Error("The answer had no body");
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    buffered += decoder.decode(value, { stream: !done });
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onEvent(JSON.parse(line) as DemoChatStreamEvent);
    if (done) return;
  }
}

function Conversation({ onPublicKey }: { onPublicKey: (key: string) => void }) {
  const { client } = useFeedback();
  const [sessionId] = useState(() => crypto.randomUUID());
  const [turns, setTurns] = useState<Turn[]>([]);
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const update = (id: string, change: (turn: Turn) => Partial<Turn>) => {
    setTurns((current) => current.map((turn) => (turn.id === id ? { ...turn, ...change(turn) } : turn)));
  };

  /** Asks (or asks again, for Regenerate) and streams the answer into the turn `id`, which replaces what it showed. */
  async function ask(id: string, question: string, earlier: Turn[], regenerateOf?: string) {
    setBusy(true);
    const history = earlier.flatMap((turn) =>
      turn.reply
        ? [
            { role: "user" as const, content: turn.question },
            { role: "assistant" as const, content: turn.reply.answer },
          ]
        : [],
    );
    try {
      const response = await fetch("/api/demo/chat", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sessionId, message: question, history: history.slice(-20), regenerateOf }),
      });
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as { detail?: string };
        update(id, () => ({ error: problem.detail ?? `The shop assistant answered HTTP ${response.status}` }));
      } else {
        await readEvents(response, (event) => {
          if (event.type === "token") update(id, (turn) => ({ text: turn.text + event.text }));
          else if (event.type === "error") update(id, () => ({ error: event.detail }));
          else {
            update(id, () => ({ text: event.reply.answer, reply: event.reply }));
            if (event.reply.publicKey) onPublicKey(event.reply.publicKey);
          }
        });
      }
    } catch (error) {
      update(id, () => ({ error: error instanceof Error ? error.message : "The request failed" }));
    }
    setBusy(false);
    input.current?.focus();
  }

  function send(question: string) {
    if (!question || busy) return;
    // The widget compares this message with the previous question to spot a rephrase.
    client?.userMessage(question, { sessionId });
    setDraft("");
    const turn: Turn = { id: crypto.randomUUID(), question, text: "", reply: null, error: null };
    setTurns((current) => [...current, turn]);
    void ask(turn.id, question, turns);
  }

  function regenerate(turn: Turn) {
    if (!turn.reply || busy) return;
    client?.regenerate(turn.reply.traceId, { sessionId });
    const earlier = turns.slice(
      0,
      turns.findIndex((t) => t.id === turn.id),
    );
    update(turn.id, () => ({ text: "", reply: null, error: null }));
    void ask(turn.id, turn.question, earlier, turn.reply.traceId);
  }

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    send(draft.trim());
  }

  return (
    <Flex asChild direction="column" gap="5">
      <section aria-label="Conversation">
        {turns.length === 0 ? (
          <Card size="2">
            <Flex direction="column" gap="3">
              <Text as="p" size="2">
                Hello! I am Northwind&apos;s support assistant. Try one of these, or ask your own question below.
              </Text>
              <Flex gap="2" wrap="wrap">
                {suggestions.map((suggestion) => (
                  <Button
                    key={suggestion}
                    type="button"
                    variant="surface"
                    size="1"
                    onClick={() => {
                      send(suggestion);
                    }}
                  >
                    {suggestion}
                  </Button>
                ))}
              </Flex>
            </Flex>
          </Card>
        ) : null}
        {turns.length > 0 ? (
          <ol className={styles.turns}>
            {turns.map((turn) => {
              const streaming = !turn.reply && !turn.error;
              return (
                <li key={turn.id} className={styles.turn}>
                  <Text as="p" size="2" className={styles.question}>
                    {turn.question}
                  </Text>
                  {turn.error ? (
                    <ErrorMessage error={turn.error} />
                  ) : (
                    <Card asChild size="2">
                      <article aria-label="Answer" aria-busy={streaming}>
                        <Flex direction="column" gap="3">
                          {turn.reply ? (
                            <Feedback.Answer traceId={turn.reply.traceId}>
                              <Text as="p" size="2" className={styles.answerText}>
                                {turn.reply.answer}
                              </Text>
                            </Feedback.Answer>
                          ) : (
                            <Text as="p" size="2" className={`${styles.answerText} ${styles.streaming}`}>
                              {turn.text || <Text color="gray">Thinking…</Text>}
                            </Text>
                          )}
                          {turn.reply ? (
                            // Regenerate keeps its corner while the bar grows (reasons, comment) beside it.
                            <Flex justify="between" align="start" gap="3">
                              <Box flexGrow="1" minWidth="0">
                                <Feedback.Bar
                                  traceId={turn.reply.traceId}
                                  feedbackToken={turn.reply.feedbackToken}
                                  sessionId={sessionId}
                                  stars
                                  copyText={turn.reply.answer}
                                />
                              </Box>
                              <Button
                                type="button"
                                variant="ghost"
                                color="gray"
                                size="1"
                                disabled={busy}
                                className={styles.regenerate}
                                onClick={() => {
                                  regenerate(turn);
                                }}
                              >
                                <ReloadIcon aria-hidden />
                                Regenerate
                              </Button>
                            </Flex>
                          ) : null}
                        </Flex>
                      </article>
                    </Card>
                  )}
                </li>
              );
            })}
          </ol>
        ) : null}
        <form onSubmit={submit} className={styles.composer}>
          <Flex gap="2">
            <Box flexGrow="1">
              <TextField.Root
                ref={input}
                size="3"
                aria-label="Your question"
                value={draft}
                placeholder="Ask the shop assistant…"
                autoComplete="off"
                onChange={(event) => {
                  setDraft(event.target.value);
                }}
              />
            </Box>
            <Button type="submit" size="3" disabled={busy || draft.trim() === ""}>
              <PaperPlaneIcon aria-hidden />
              {busy ? "Answering…" : "Send"}
            </Button>
          </Flex>
        </form>
      </section>
    </Flex>
  );
}
