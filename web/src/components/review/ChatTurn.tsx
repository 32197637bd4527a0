import { Box, Text } from "@radix-ui/themes";
import type { ChatMessage } from "@/contracts/chatMessage";
import { messageText } from "@/server/review/conversation";
import { Markdown } from "@/components/review/Markdown";
import { ToolCalls, ToolOutput, ToolResultHeading } from "@/components/review/ToolCalls";
import styles from "./ReviewItemPage.module.css";

const roleLabel: Record<ChatMessage["role"], string> = { system: "System", user: "User", assistant: "Assistant", tool: "Tool" };

/**
 * One message of the conversation under review: its role, its text as inert Markdown, an
 * assistant's tool calls (function and arguments) and, for a tool result, the call it answers.
 */
export function ChatTurn({
  message,
  toolNames,
  heading,
  className = styles.message,
}: {
  message: ChatMessage;
  /** Function names by call id, to name what a tool result answers. */
  toolNames: Map<string, string>;
  /** Replaces the role label (the answer under review says so). */
  heading?: string;
  className?: string | undefined;
}) {
  const text = messageText({ content: message.content });
  return (
    <Box className={className} data-role={message.role}>
      {message.role === "tool" ? (
        <>
          <Box mb="1">
            <ToolResultHeading callId={message.tool_call_id} name={toolNames.get(message.tool_call_id)} />
          </Box>
          <ToolOutput text={text} />
        </>
      ) : (
        <>
          <Text as="div" size="1" weight="medium" color="gray" mb="1">
            {heading ?? roleLabel[message.role]}
          </Text>
          {text !== "" || message.role !== "assistant" || !message.tool_calls ? <Markdown text={text || "(empty)"} /> : null}
          {message.role === "assistant" && message.tool_calls ? <ToolCalls calls={message.tool_calls} /> : null}
        </>
      )}
    </Box>
  );
}
