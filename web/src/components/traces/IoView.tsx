import type { TraceView } from "@/contracts/traces";
import { LongText } from "@/components/traces/LongText";

type Io = TraceView["input"];

/**
 * Renders an input or output: chat messages as role-labelled turns, text as text, any
 * other JSON folded. Everything is rendered as text, never as HTML.
 */
export function IoView({ label, value }: { label: string; value: Io }) {
  if (value === null) return null;
  return (
    <section className="io" aria-label={label}>
      <h3>{label}</h3>
      {typeof value === "string" ? (
        <LongText text={value} />
      ) : Array.isArray(value) ? (
        <ol className="messages">
          {value.map((message, index) => (
            <li key={index} className={`message role-${message.role}`}>
              <span className="role">{message.role}</span>
              <LongText text={typeof message.content === "string" ? message.content : JSON.stringify(message.content, null, 2)} />
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
    <details>
      <summary>{summary}</summary>
      <LongText text={JSON.stringify(value, null, 2)} />
    </details>
  );
}
