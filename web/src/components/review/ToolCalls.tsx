import { Code, Flex, Text } from "@radix-ui/themes";
import type { ChatMessage, ToolCall } from "@/contracts/chatMessage";
import { prettyJson } from "@/server/review/conversation";
import styles from "./ToolCalls.module.css";

/** An assistant's tool calls as a person checks them: the function, the call's id, the arguments as indented JSON. */
export function ToolCalls({ calls }: { calls: readonly ToolCall[] }) {
  return (
    <ul className={styles.calls} aria-label="Tool calls">
      {calls.map((call) => (
        <li key={call.id} className={styles.call}>
          <Flex align="baseline" gap="2" wrap="wrap">
            <Text size="1" color="gray">
              Calls
            </Text>
            <Code size="2" weight="bold" variant="ghost">
              {call.function.name}
            </Code>
            <Text size="1" color="gray">
              call id {call.id}
            </Text>
          </Flex>
          <pre className={styles.code} aria-label={`Arguments of ${call.function.name}`}>
            {prettyJson(call.function.arguments)}
          </pre>
        </li>
      ))}
    </ul>
  );
}

/** Names of the functions called in a conversation by call id, so a tool result can say what it answers. */
export function toolNamesById(messages: readonly ChatMessage[]): Map<string, string> {
  return new Map(
    messages.flatMap((message) =>
      (message.role === "assistant" ? (message.tool_calls ?? []) : []).map((call) => [call.id, call.function.name] as const),
    ),
  );
}

/** What a tool result answers: "Result of get_weather · call id call_1". */
export function ToolResultHeading({ callId, name }: { callId: string; name: string | undefined }) {
  return (
    <Flex align="baseline" gap="2" wrap="wrap">
      <Text size="1" weight="medium" color="gray">
        {name ? "Result of" : "Tool result"}
      </Text>
      {name ? (
        <Code size="2" weight="bold" variant="ghost">
          {name}
        </Code>
      ) : null}
      <Text size="1" color="gray">
        call id {callId}
      </Text>
    </Flex>
  );
}

/** A tool's output: JSON indented, anything else as the text it is. */
export function ToolOutput({ text }: { text: string }) {
  return <pre className={styles.code}>{prettyJson(text)}</pre>;
}
