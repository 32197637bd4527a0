import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";

/**
 * A project that looks like a real support assistant after a busy afternoon: traces with
 * retrieval, tool and LLM spans over the last hours (some failed, some streamed), sessions
 * of several turns, thumbs, ratings, reasons and a report from end users, a review queue
 * filled by the routing job, and one corrected answer in the golden dataset. Everything
 * goes through the public API, as a customer's application and widget would send it.
 */
export interface TourProject {
  projectId: string;
  traceId: string;
  sessionId: string;
  reviewItemId: string;
  /** A turn where the model called a tool before answering. */
  toolTraceId: string;
}

const shopOrigin = "https://shop.example";

/** A tool the model called before answering, in OpenAI's shape once traced. */
interface ToolUse {
  name: string;
  arguments: Record<string, unknown>;
  result: Record<string, unknown>;
}

const conversations: { question: string; answer: string; model: string; failed?: boolean; tool?: ToolUse }[] = [
  {
    question: "Can I return shoes I bought on sale?",
    answer: "Yes. Sale items can be returned within 30 days in their original packaging; the refund goes to your original payment method.",
    model: "gpt-4o-mini",
  },
  {
    question: "Where is my order 10482?",
    answer: "Order 10482 left our Berlin warehouse yesterday and should arrive on Thursday. The tracking number is DHL 00340434161094.",
    model: "gpt-4o-mini",
    tool: {
      name: "lookup_order",
      arguments: { order_id: "10482", include: ["shipping", "tracking"] },
      result: { status: "shipped", warehouse: "Berlin", carrier: "DHL", tracking: "00340434161094", eta: "2026-12-03" },
    },
  },
  {
    question: "Do you ship to Switzerland?",
    answer: "We ship to all EU countries. Switzerland is not in the EU, so we cannot ship there yet.",
    model: "claude-3-5-haiku",
  },
  {
    question: "Can I pay with a gift card?",
    answer: "Gift cards can be used for any purchase, online and in store.",
    model: "gpt-4o-mini",
  },
  {
    question: "What is your warranty on headphones?",
    answer: "",
    model: "gpt-4o",
    failed: true,
  },
  {
    question: "How do I change my delivery address?",
    answer: "Open Orders, choose the order and select Change address. This works until the parcel has left the warehouse.",
    model: "claude-3-5-haiku",
  },
];

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** One chat turn as the application traces it: retrieval, a tool call, then the streamed LLM answer. */
function traceOf(index: number, sessionId: string, startMs: number) {
  const turn = conversations[index % conversations.length] ?? conversations[0];
  if (!turn) throw new Error("no conversations");
  const retrievalMs = 40 + ((index * 37) % 90);
  const toolMs = 120 + ((index * 53) % 200);
  const ttftMs = 280 + ((index * 71) % 400);
  const generationMs = turn.failed ? 30_000 : 900 + ((index * 131) % 2_400);
  const llmStart = startMs + retrievalMs + toolMs;
  const end = llmStart + generationMs;
  const callId = `call_${index}`;
  const messages = [
    { role: "system", content: "You are the support assistant of an online shoe shop. Answer briefly and only from the shop's policies." },
    { role: "user", content: turn.question },
    // The model called a tool first; its result answers the call by id.
    ...(turn.tool
      ? [
          {
            role: "assistant",
            content: null,
            tool_calls: [
              { id: callId, type: "function", function: { name: turn.tool.name, arguments: JSON.stringify(turn.tool.arguments) } },
            ],
          },
          { role: "tool", tool_call_id: callId, content: JSON.stringify(turn.tool.result) },
        ]
      : []),
  ];
  return {
    id: `tour-${randomUUID()}`,
    name: "support-chat",
    sessionId,
    userId: `customer-${(index % 4) + 1}`,
    input: messages,
    output: turn.failed ? undefined : turn.answer,
    model: turn.model,
    release: index % 3 === 0 ? "2026.11.2" : "2026.11.3",
    startTime: iso(startMs),
    endTime: iso(end),
    firstTokenTime: turn.failed ? undefined : iso(llmStart + ttftMs),
    status: turn.failed ? "error" : "ok",
    error: turn.failed ? "Upstream model timed out after 30 s" : undefined,
    spans: [
      {
        id: "retrieve",
        type: "retrieval",
        name: "search policies",
        input: turn.question,
        output: { documents: ["returns.md", "shipping.md"] },
        startTime: iso(startMs),
        endTime: iso(startMs + retrievalMs),
      },
      {
        id: "lookup",
        type: "tool",
        name: turn.tool?.name ?? "order lookup",
        input: turn.tool?.arguments ?? { query: turn.question },
        output: turn.tool?.result ?? { found: true },
        startTime: iso(startMs + retrievalMs),
        endTime: iso(startMs + retrievalMs + toolMs),
      },
      {
        id: "answer",
        type: "llm",
        name: "chat completion",
        model: turn.model,
        input: messages,
        output: turn.failed ? undefined : turn.answer,
        usage: { inputTokens: 420 + index * 13, outputTokens: turn.failed ? 0 : 60 + index * 7 },
        startTime: iso(llmStart),
        endTime: iso(end),
        firstTokenTime: turn.failed ? undefined : iso(llmStart + ttftMs),
        status: turn.failed ? "error" : "ok",
        error: turn.failed ? "Upstream model timed out after 30 s" : undefined,
      },
    ],
  };
}

export async function createTourProject(request: APIRequestContext, name: string): Promise<TourProject> {
  const created = await request.post("/api/v1/projects", { data: { name } });
  expect(created.status()).toBe(201);
  const projectId = ((await created.json()) as { id: string }).id;
  const keyOf = async (kind: "secret" | "public") => {
    const response = await request.post(`/api/v1/projects/${projectId}/api-keys`, {
      data: { kind, name: `tour ${kind}`, ...(kind === "public" ? { allowedOrigins: [shopOrigin] } : {}) },
    });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { key: string }).key;
  };
  const secretKey = await keyOf("secret");
  const publicKey = await keyOf("public");

  // 24 turns in 6 sessions of 4 over the last five hours.
  const now = Date.now();
  const traces = Array.from({ length: 24 }, (_, index) =>
    traceOf(index, `session-${Math.floor(index / 4) + 1}`, now - (5 * 60 - index * 12) * 60_000),
  );
  const ingest = await request.post("/api/v1/traces", { headers: { authorization: `Bearer ${secretKey}` }, data: { traces } });
  expect(ingest.status()).toBe(200);

  const event = (traceIndex: number, fields: Record<string, unknown>) => {
    const trace = traces[traceIndex];
    if (!trace) throw new Error(`no trace ${traceIndex}`);
    return { id: randomUUID(), traceId: trace.id, sessionId: trace.sessionId, timestamp: iso(now - 60_000), ...fields };
  };
  const events = [
    event(3, { type: "thumb", value: -1 }),
    event(3, { type: "reasons", reasons: ["incorrect"], comment: "Gift cards only work in the Berlin store." }),
    event(2, { type: "thumb", value: -1 }),
    event(2, { type: "reasons", reasons: ["off_topic", "incomplete"] }),
    event(9, { type: "rating", value: 2, scale: 5 }),
    event(13, { type: "report", category: "incorrect", comment: "The delivery date it gave was wrong." }),
    event(0, { type: "thumb", value: 1 }),
    event(1, { type: "thumb", value: 1 }),
    event(5, { type: "rating", value: 5, scale: 5 }),
    event(6, { type: "copy" }),
  ];
  const feedback = await request.post("/api/v1/feedback", {
    headers: { authorization: `Bearer ${publicKey}`, origin: shopOrigin },
    data: { events },
  });
  expect(feedback.status()).toBe(200);

  // The routing job turns the complaints into review items within seconds.
  const auth = { authorization: `Bearer ${secretKey}` };
  const itemsOf = async () =>
    (
      (await (await request.get("/api/v1/review-items?status=open", { headers: auth })).json()) as {
        data: { id: string; traceId: string }[];
      }
    ).data;
  await expect.poll(async () => (await itemsOf()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);

  // One corrected answer, so the done list and the golden dataset have something to show.
  const gift = traces[3]?.id;
  const giftItem = (await itemsOf()).find((item) => item.traceId === gift);
  if (!giftItem) throw new Error("the gift-card complaint was not queued");
  // Claim it (skipping the others), as an annotator would, then save the correction.
  const others = (await itemsOf()).filter((item) => item.id !== giftItem.id).map((item) => item.id);
  const claimed = await request.post(`/api/v1/projects/${projectId}/review-items/claim?exclude=${others.join(",")}`);
  expect(((await claimed.json()) as { id: string }).id).toBe(giftItem.id);
  const annotated = await request.put(`/api/v1/projects/${projectId}/review-items/${giftItem.id}/annotation`, {
    data: {
      category: "lack_of_knowledge",
      severity: "medium",
      decision: "corrected_failure",
      correctedResponse: "Gift cards can only be used in the Berlin store for now; online checkout does not accept them yet.",
    },
  });
  expect(annotated.status(), await annotated.text()).toBe(200);
  // The owner holds the next item, so its page shows the label form as an annotator sees it.
  const next = await request.post(`/api/v1/projects/${projectId}/review-items/claim`);
  expect(next.status()).toBe(200);
  const reviewItemId = ((await next.json()) as { id: string }).id;
  const firstTrace = traces[2];
  if (!firstTrace) throw new Error("no traces");
  const toolTrace = traces.find((trace) => trace.input.some((message) => message.role === "tool"));
  if (!toolTrace) throw new Error("no trace with a tool call");
  return { projectId, traceId: firstTrace.id, sessionId: firstTrace.sessionId, reviewItemId, toolTraceId: toolTrace.id };
}
