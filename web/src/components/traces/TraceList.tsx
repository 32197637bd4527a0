import Link from "next/link";
import type { TraceView } from "@/contracts/traces";
import { ioText } from "@/server/traces/traceText";
import { formatMs, formatTime, formatUsd } from "@/components/traces/format";

type TraceSummary = Omit<TraceView, "spans" | "feedback" | "scores" | "promptTemplate" | "config" | "metadata">;

function preview(value: TraceSummary["input"]): string {
  const text = Array.isArray(value) ? ioText(value.filter((message) => message.role === "user").slice(-1)) : ioText(value);
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}

export function TraceList({ projectId, traces }: { projectId: string; traces: TraceSummary[] }) {
  if (traces.length === 0) return <p className="muted">No traces match.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Trace</th>
          <th scope="col">Input</th>
          <th scope="col">Output</th>
          <th scope="col">Model</th>
          <th scope="col">Latency</th>
          <th scope="col">Cost</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {traces.map((trace) => (
          <tr key={trace.id}>
            <td>{formatTime(trace.startTime)}</td>
            <td>
              <Link href={`/projects/${projectId}/traces/${encodeURIComponent(trace.id)}`}>{trace.name ?? trace.id}</Link>
            </td>
            <td>{preview(trace.input)}</td>
            <td>{preview(trace.output)}</td>
            <td>{trace.model ?? "—"}</td>
            <td>{formatMs(trace.latencyMs)}</td>
            <td>{formatUsd(trace.costUsd)}</td>
            <td data-status={trace.status}>{trace.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
