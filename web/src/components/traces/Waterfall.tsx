"use client";

import { useState } from "react";
import type { WaterfallRow } from "@/server/traces/waterfall";
import { IoView, JsonView } from "@/components/traces/IoView";
import { formatMs, formatTokens, formatUsd } from "@/components/traces/format";

/** The spans of a trace as a tree of timing bars; choosing one shows what went in and out of it. */
export function Waterfall({ rows }: { rows: WaterfallRow[] }) {
  const [selectedId, setSelectedId] = useState<string | null>(rows[0]?.span.id ?? null);
  const selected = rows.find((row) => row.span.id === selectedId)?.span;
  if (rows.length === 0) return <p className="muted">This trace has no spans.</p>;
  return (
    <div className="waterfall">
      <ol aria-label="Spans">
        {rows.map(({ span, depth, offsetPercent, widthPercent }) => (
          <li key={span.id}>
            <button
              type="button"
              className="span-row"
              aria-pressed={span.id === selectedId}
              data-status={span.status}
              onClick={() => {
                setSelectedId(span.id);
              }}
            >
              <span className="span-name" style={{ paddingLeft: `${depth * 1.1}rem` }}>
                <span className={`badge type-${span.type}`}>{span.type}</span> {span.name}
                {span.orphan ? (
                  <span className="badge warn" title={`Parent ${span.parentId ?? ""} was not received`}>
                    parent missing
                  </span>
                ) : null}
              </span>
              <span className="span-track" aria-hidden="true">
                <span className="span-bar" style={{ marginLeft: `${offsetPercent}%`, width: `${widthPercent}%` }} />
              </span>
              <span className="span-duration">{formatMs(span.latencyMs)}</span>
            </button>
          </li>
        ))}
      </ol>
      {selected ? (
        <section className="panel span-detail" aria-label={`Span ${selected.name}`}>
          <h3>
            {selected.name} <span className="muted">({selected.type})</span>
          </h3>
          <dl className="facts">
            <dt>Duration</dt>
            <dd>{formatMs(selected.latencyMs)}</dd>
            <dt>Model</dt>
            <dd>{selected.model ?? "—"}</dd>
            <dt>Tokens</dt>
            <dd>{formatTokens(selected.usage)}</dd>
            <dt>Cost</dt>
            <dd>{formatUsd(selected.costUsd)}</dd>
            <dt>Status</dt>
            <dd>{selected.status}</dd>
          </dl>
          {selected.error ? <p className="error">{selected.error}</p> : null}
          <IoView label="Span input" value={selected.input} />
          <IoView label="Span output" value={selected.output} />
          {selected.attributes ? <JsonView value={selected.attributes} summary="Attributes" /> : null}
        </section>
      ) : null}
    </div>
  );
}
