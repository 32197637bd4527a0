"use client";

import { useState } from "react";
import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { exportFormats, type ExportFormat } from "@/contracts/datasets";

/** Publish the next version of a dataset. */
export function PublishButton({ projectId, name }: { projectId: string; name: string }) {
  const { run, error, busy } = useMutation();
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          void run(() => callApi("POST", `/api/v1/projects/${projectId}/datasets/${encodeURIComponent(name)}/versions`));
        }}
      >
        Publish new version of {name}
      </button>
      <ErrorMessage error={error} />
    </>
  );
}

/**
 * Downloads an export of the latest version, reading the stream as it arrives so large
 * datasets show how far they got, then hands the file to the browser.
 */
export function ExportButtons({ projectId, name }: { projectId: string; name: string }) {
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(format: ExportFormat) {
    setError(null);
    setProgress(`${format}: starting…`);
    const response = await fetch(`/api/v1/projects/${projectId}/datasets/${encodeURIComponent(name)}/export?format=${format}`);
    if (!response.ok || !response.body) {
      const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
      setProgress(null);
      setError(problem?.detail ?? `Export failed (${response.status})`);
      return;
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.byteLength;
      setProgress(`${format}: ${(bytes / 1024).toFixed(0)} KB received`);
    }
    const filename = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `${name}.${format}`;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("content-type") ?? "application/octet-stream" }));
    link.download = filename;
    link.click();
    URL.revokeObjectURL(link.href);
    setProgress(`${filename}: ${(bytes / 1024).toFixed(0)} KB downloaded`);
  }

  return (
    <div className="stack">
      <div className="row" role="group" aria-label={`Export ${name}`}>
        {exportFormats.map((format) => (
          <button
            key={format}
            type="button"
            onClick={() => {
              void download(format);
            }}
          >
            Export {format}
          </button>
        ))}
      </div>
      {progress ? <p role="status">{progress}</p> : null}
      <ErrorMessage error={error} />
    </div>
  );
}

/** Takes one example out of the dataset's working set. */
export function RemoveItemButton({ projectId, name, itemId }: { projectId: string; name: string; itemId: string }) {
  const { run, error, busy } = useMutation();
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          void run(() => callApi("DELETE", `/api/v1/projects/${projectId}/datasets/${encodeURIComponent(name)}/items/${itemId}`));
        }}
      >
        Remove
      </button>
      <ErrorMessage error={error} />
    </>
  );
}
