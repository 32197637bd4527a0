"use client";

import { useState } from "react";

const previewLength = 2_000;

/** Text shown whole when short; a long text shows its start with a "Show all" toggle. */
export function LongText({ text }: { text: string }) {
  const [expanded, setExpanded] = useState(false);
  if (text.length <= previewLength) return <pre className="text">{text}</pre>;
  return (
    <div>
      <pre className="text">{expanded ? text : `${text.slice(0, previewLength)}…`}</pre>
      <button
        type="button"
        onClick={() => {
          setExpanded(!expanded);
        }}
      >
        {expanded ? "Show less" : `Show all (${text.length.toLocaleString("en")} characters)`}
      </button>
    </div>
  );
}
