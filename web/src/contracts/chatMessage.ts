import { z } from "zod";
import { contentText, exactText } from "@/contracts/common";

// One chat message shape, OpenAI's (the format most SDKs log and the one the `openai`
// export must pass through unchanged): traces, review and datasets all read it.

/** OpenAI accepts at most 128 tools per request, so no answer calls more at once. */
const maxToolCalls = 128;

export const toolCallSchema = z
  .strictObject({
    id: exactText(z.string().min(1).max(200)).describe("The call's id; the tool message answering it carries it as tool_call_id"),
    type: z.literal("function").describe("Always function"),
    function: z
      .strictObject({
        name: exactText(z.string().min(1).max(200)).describe("The function the model called"),
        arguments: contentText(100_000).describe("Its arguments as JSON text, exactly as the model wrote them"),
      })
      .describe("The function and its arguments"),
  })
  .describe("A tool call made by the assistant, in OpenAI's shape");
export type ToolCall = z.infer<typeof toolCallSchema>;

const content = z
  .union([contentText(100_000), z.array(z.unknown()).max(1_000)])
  .describe("Text, or content parts as the provider sends them");

const shapes = {
  system: { role: z.literal("system"), content, name: exactText(z.string().max(200)).optional() },
  user: { role: z.literal("user"), content, name: exactText(z.string().max(200)).optional() },
  assistant: {
    role: z.literal("assistant"),
    content: content.nullable().default(null).describe("The answer's text; null (or absent) when the answer is only tool calls"),
    name: exactText(z.string().max(200)).optional(),
    tool_calls: z.array(toolCallSchema).min(1).max(maxToolCalls).optional().describe("The tools the assistant called"),
  },
  tool: {
    role: z.literal("tool"),
    content,
    tool_call_id: exactText(
      z.string({ error: "a tool message needs the tool_call_id of the assistant tool call it answers" }).min(1).max(200),
    ).describe("The id of the assistant tool call this result answers"),
  },
};

const system = z.strictObject(shapes.system);
const user = z.strictObject(shapes.user);
const assistant = z.strictObject(shapes.assistant);
const tool = z.strictObject(shapes.tool);

/** A chat message, discriminated by role, with no fields beyond OpenAI's (datasets, review). */
export const chatMessageSchema = z
  .discriminatedUnion("role", [system, user, assistant, tool])
  .describe("An OpenAI-style chat message: system, user, assistant (text and/or tool_calls) or tool (a result, with tool_call_id)");
export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type AssistantMessage = Extract<ChatMessage, { role: "assistant" }>;

/**
 * The same message as an application logs it in a trace: the same fields and rules, and
 * whatever else its provider adds (OpenAI's `refusal` and `annotations`, say) is kept.
 */
export const loggedChatMessageSchema = z
  .discriminatedUnion("role", [system.loose(), user.loose(), assistant.loose(), tool.loose()])
  .describe("A chat message as logged: OpenAI's fields (role, content, name, tool_calls, tool_call_id) and any the provider adds");

/** What the conversation rule reads of a message, whichever of the two schemas parsed it. */
interface ConversationMessage {
  role: string;
  content?: unknown;
  tool_calls?: readonly { id: string }[] | undefined;
  tool_call_id?: string | undefined;
}

export interface ConversationIssue {
  path: PropertyKey[];
  message: string;
}

/**
 * The one consistency rule for a conversation (trace ingest, dataset items, promotion
 * from review): tool call ids are unique, each `tool` message answers a call an earlier
 * assistant message made (once), and an assistant message without text makes tool calls
 * (or, as OpenAI logs it, carries a refusal). `entries` are the messages in order, each
 * with its path in the payload, so an issue names the offending message.
 */
export function conversationIssues(entries: readonly { path: PropertyKey[]; message: ConversationMessage }[]): ConversationIssue[] {
  const issues: ConversationIssue[] = [];
  const calls = new Set<string>();
  const answered = new Set<string>();
  for (const { path, message } of entries) {
    if (message.role === "assistant") {
      const toolCalls = message.tool_calls ?? [];
      const refusal = "refusal" in message && typeof message.refusal === "string";
      if ((message.content === null || message.content === undefined) && toolCalls.length === 0 && !refusal) {
        issues.push({ path: [...path, "content"], message: "an assistant message without content must make tool_calls" });
      }
      toolCalls.forEach((call, index) => {
        if (calls.has(call.id))
          issues.push({ path: [...path, "tool_calls", index, "id"], message: `tool call id ${call.id} is used twice` });
        calls.add(call.id);
      });
    } else if (message.role === "tool") {
      const id = message.tool_call_id ?? "";
      if (id === "") {
        issues.push({
          path: [...path, "tool_call_id"],
          message: "a tool message needs the tool_call_id of the assistant tool call it answers",
        });
      } else if (!calls.has(id)) {
        issues.push({ path: [...path, "tool_call_id"], message: `tool message answers ${id}, which no earlier assistant message called` });
      } else if (answered.has(id)) {
        issues.push({ path: [...path, "tool_call_id"], message: `tool call ${id} is answered twice` });
      }
      answered.add(id);
    }
  }
  return issues;
}

/** Each message of a list with its path (`[...path, index]`), for `conversationIssues`. */
export function messagesAt<T>(path: PropertyKey[], messages: readonly T[]): { path: PropertyKey[]; message: T }[] {
  return messages.map((message, index) => ({ path: [...path, index], message }));
}

/** Adds the conversation rule's issues to a zod refinement. */
export function addConversationIssues(
  ctx: z.RefinementCtx,
  entries: readonly { path: PropertyKey[]; message: ConversationMessage }[],
): void {
  for (const issue of conversationIssues(entries)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
}

const answerText = contentText(100_000);
const blank = (text: string | null) => text === null || text.trim() === "";

/**
 * The answer of a dataset example (expected, or rejected for DPO): text, or an assistant
 * message whose content may be null beside its tool_calls. Never empty.
 */
export const datasetAnswerSchema = z
  .union([
    answerText,
    z.strictObject({ role: shapes.assistant.role, content: answerText.nullable().default(null), tool_calls: shapes.assistant.tool_calls }),
  ])
  .refine((answer) => (typeof answer === "string" ? !blank(answer) : !blank(answer.content) || (answer.tool_calls ?? []).length > 0), {
    message: "must not be empty: give the answer's text or its tool_calls",
  })
  .describe("The answer: text, or an assistant message { role, content, tool_calls } when the answer calls tools");
export type DatasetAnswer = z.infer<typeof datasetAnswerSchema>;
/** An answer given as a message: the assistant's text (or null) and its tool calls. */
export type AnswerMessage = Exclude<DatasetAnswer, string>;

/** The answer as the conversation's next message (a text answer calls nothing). */
function answerEntries(path: string, answer: ConversationMessage | string | null | undefined) {
  return answer === undefined || answer === null || typeof answer === "string" ? [] : [{ path: [path], message: answer }];
}

/**
 * The conversation rule for a dataset example: the input, then each answer as its next
 * message (expected and rejected are two continuations of the same conversation, so each
 * answer's tool call ids must be new to the input). Paths: input.<i>, expectedOutput, rejectedOutput.
 */
export function exampleIssues(
  input: readonly ConversationMessage[],
  expectedOutput: ConversationMessage | string,
  rejectedOutput?: ConversationMessage | string | null,
): ConversationIssue[] {
  const conversation = messagesAt(["input"], input);
  const rejected = conversationIssues([...conversation, ...answerEntries("rejectedOutput", rejectedOutput)]);
  return [
    ...conversationIssues([...conversation, ...answerEntries("expectedOutput", expectedOutput)]),
    ...rejected.filter((issue) => issue.path[0] === "rejectedOutput"),
  ];
}
