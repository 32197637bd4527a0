import { Badge, Flex, Heading, Text } from "@radix-ui/themes";
import type { TraceView } from "@/contracts/traces";
import { LongText } from "@/components/traces/LongText";
import { labelFromKey } from "@/components/ui/labels";
import { ToolCalls, ToolOutput, ToolResultHeading, toolNamesById } from "@/components/review/ToolCalls";
import { messageText } from "@/server/review/conversation";
import styles from "@/components/traces/TraceDetail.module.css";

type Io = TraceView["input"];

/**
 * Renders an input or output: chat messages as role-labelled turns (tool calls with their
 * function and arguments, tool results with the call they answer), text as text, any
 * other JSON folded. Everything is rendered as text, never as HTML. `note` replaces an
 * absent value (a step whose input is the trace's own says so instead of repeating it).
 */
export function IoView({ label, value, note }: { label: string; value: Io; note?: string }) {
  if (value === null && !note) return null;
  const toolNames = toolNamesById(Array.isArray(value) ? value : []);
  return (
    <section aria-label={label} className={styles.io}>
      <Heading as="h3" size="2" mb="2">
        {label}
      </Heading>
      {value === null ? (
        <Text size="2" color="gray">
          {note}
        </Text>
      ) : typeof value === "string" ? (
        <LongText text={value} />
      ) : Array.isArray(value) ? (
        <ol className={styles.messages}>
          {value.map((message, index) => (
            <li key={index} data-role={message.role}>
              <Flex direction="column" gap="1">
                <Badge size="1" variant="soft" color={message.role === "user" ? "indigo" : "gray"} style={{ alignSelf: "start" }}>
                  {labelFromKey(message.role)}
                </Badge>
                {message.role === "tool" ? (
                  <>
                    <ToolResultHeading callId={message.tool_call_id} name={toolNames.get(message.tool_call_id)} />
                    <ToolOutput text={messageText({ content: message.content })} />
                  </>
                ) : message.role === "assistant" && message.tool_calls && message.content === null ? null : (
                  <LongText text={typeof message.content === "string" ? message.content : JSON.stringify(message.content, null, 2)} />
                )}
                {message.role === "assistant" && message.tool_calls ? <ToolCalls calls={message.tool_calls} /> : null}
              </Flex>
            </li>
          ))}
        </ol>
      ) : (
        <JsonView value={value} />
      )}
    </section>
  );
}

export function JsonView({ value, summary = "JSON" }: { value: unknown; summary?: string }) {
  return (
    <details className={styles.details}>
      <summary>{summary}</summary>
      <LongText text={JSON.stringify(value, null, 2)} />
    </details>
  );
}
