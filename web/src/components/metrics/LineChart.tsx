"use client";

import { useState } from "react";
import { formatMs, formatUsd } from "@/components/traces/format";

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

/** How a chart's numbers read; a name, because server pages cannot hand functions to client components. */
export type ValueFormat = "count" | "percent" | "ms" | "usd";

const formatters: Record<ValueFormat, (value: number) => string> = {
  count: (value) => Math.round(value).toLocaleString("en"),
  percent: (value) => `${(value * 100).toFixed(1)}%`,
  ms: (value) => formatMs(Math.round(value)),
  usd: formatUsd,
};

const palette = ["#4f46e5", "#0e9384", "#dc6803", "#c11574", "#475467", "#2e90fa"];
const width = 640;
const height = 180;
const pad = { left: 56, right: 12, top: 10, bottom: 24 };

/**
 * A small SVG line chart. Hovering (or focusing and using the arrow keys) shows every
 * series' value at that point, formatted by the caller.
 */
export function LineChart({
  title,
  times,
  series,
  valueFormat,
}: {
  title: string;
  times: string[];
  series: ChartSeries[];
  valueFormat: ValueFormat;
}) {
  const format = formatters[valueFormat];
  const [active, setActive] = useState<number | null>(null);
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(...all, 0) || 1;
  const x = (i: number) => pad.left + (times.length <= 1 ? 0 : (i / (times.length - 1)) * (width - pad.left - pad.right));
  const y = (v: number) => pad.top + (1 - v / max) * (height - pad.top - pad.bottom);
  const path = (values: (number | null)[]) =>
    values.reduce(
      (d, v, i) => (v === null ? d : `${d}${d === "" || values[i - 1] === null ? "M" : "L"}${x(i).toFixed(1)},${y(v).toFixed(1)}`),
      "",
    );
  const pick = (clientX: number, rect: DOMRect) => {
    const ratio = (((clientX - rect.left) / rect.width) * width - pad.left) / (width - pad.left - pad.right);
    setActive(Math.min(times.length - 1, Math.max(0, Math.round(ratio * (times.length - 1)))));
  };
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}: ${series.map((s) => s.name).join(", ")}`}
        tabIndex={0}
        onMouseMove={(event) => {
          pick(event.clientX, event.currentTarget.getBoundingClientRect());
        }}
        onMouseLeave={() => {
          setActive(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowRight") setActive(Math.min(times.length - 1, (active ?? -1) + 1));
          if (event.key === "ArrowLeft") setActive(Math.max(0, (active ?? times.length) - 1));
        }}
      >
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} className="axis" />
        <text x={pad.left - 6} y={y(max) + 4} textAnchor="end" className="tick">
          {format(max)}
        </text>
        <text x={pad.left - 6} y={y(0)} textAnchor="end" className="tick">
          0
        </text>
        <text x={pad.left} y={height - 6} className="tick">
          {times[0]?.slice(5, 16).replace("T", " ")}
        </text>
        <text x={width - pad.right} y={height - 6} textAnchor="end" className="tick">
          {times.at(-1)?.slice(5, 16).replace("T", " ")}
        </text>
        {series.map((s, i) => (
          <path key={s.name} d={path(s.values)} fill="none" stroke={palette[i % palette.length]} strokeWidth={1.8} />
        ))}
        {active !== null ? <line x1={x(active)} x2={x(active)} y1={pad.top} y2={y(0)} className="cursor" /> : null}
      </svg>
      <div className="legend">
        {series.map((s, i) => (
          <span key={s.name}>
            <span className="swatch" style={{ background: palette[i % palette.length] }} /> {s.name}
          </span>
        ))}
      </div>
      {active !== null ? (
        <div className="tooltip" role="status">
          <strong>{times[active]?.replace("T", " ").slice(0, 16)} UTC</strong>
          {series.map((s) => {
            const value = s.values[active];
            return (
              <span key={s.name}>
                {s.name}: {value === null || value === undefined ? "—" : format(value)}
              </span>
            );
          })}
        </div>
      ) : null}
    </figure>
  );
}
