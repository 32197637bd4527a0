"use client";

import { useState } from "react";
import { Button, Flex, Text } from "@radix-ui/themes";
import { DownloadIcon } from "@radix-ui/react-icons";
import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { LabelledSelect } from "@/components/settings/LabelledSelect";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { exportFormats, type ExportFormat } from "@/contracts/datasets";

/** Publish the next version of a dataset, after saying what it will hold and what changes. */
export function PublishButton({
  projectId,
  name,
  nextVersion,
  itemCount,
  changes,
}: {
  projectId: string;
  name: string;
  nextVersion: number;
  itemCount: number;
  /** Against the latest version; null before the first. */
  changes: { added: number; removed: number; changed: number } | null;
}) {
  const { run, error, busy } = useMutation();
  const unchanged = changes !== null && changes.added + changes.removed + changes.changed === 0;
  return (
    <Flex direction="column" gap="2">
      <ConfirmDialog
        trigger={
          <Button type="button" disabled={busy || itemCount === 0}>
            Publish new version of {name}
          </Button>
        }
        title={
          <>
            Publish version {nextVersion} of {name}?
          </>
        }
        description={
          <>
            It freezes the {itemCount} working items as they are now; training and evaluation runs that ask for the latest version get this
            one.{" "}
            {changes === null
              ? "This is the dataset's first version."
              : unchanged
                ? `Nothing changed since version ${nextVersion - 1}.`
                : `Since version ${nextVersion - 1}: ${changes.added} added, ${changes.removed} removed, ${changes.changed} changed.`}
          </>
        }
        confirmLabel={<>Publish version {nextVersion}</>}
        onConfirm={() => {
          void run(() => callApi("POST", `/api/v1/projects/${projectId}/datasets/${encodeURIComponent(name)}/versions`), {
            success: `Version ${nextVersion} of ${name} published`,
          });
        }}
        maxWidth="460px"
      />
      <ErrorMessage error={error} />
    </Flex>
  );
}

const formatName: Record<ExportFormat, string> = { jsonl: "JSONL", openai: "OpenAI", dpo: "DPO", csv: "CSV" };
const formatLabel: Record<ExportFormat, string> = {
  jsonl: "JSONL (everything)",
  openai: "OpenAI chat fine-tuning",
  dpo: "DPO preference pairs",
  csv: "CSV",
};
const splits = [
  { value: "all", label: "All items" },
  { value: "train", label: "Train split" },
  { value: "test", label: "Test split" },
] as const;

/**
 * Downloads an export of the chosen version and split, reading the stream as it arrives so
 * large datasets show how far they got, then hands the file to the browser.
 */
export function ExportForm({ projectId, name, versions }: { projectId: string; name: string; versions: number[] }) {
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [format, setFormat] = useState<ExportFormat>("jsonl");
  const [version, setVersion] = useState("latest");
  const [split, setSplit] = useState("all");
  const [busy, setBusy] = useState(false);
  const idBase = `export-${name}`;

  async function download() {
    setError(null);
    setBusy(true);
    setProgress(`${format}: starting…`);
    const query = new URLSearchParams({ format, version, split });
    try {
      const response = await fetch(`/api/v1/projects/${projectId}/datasets/${encodeURIComponent(name)}/export?${query.toString()}`);
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
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex direction="column" gap="2">
      <Flex gap="3" align="end" wrap="wrap" role="group" aria-label={`Export ${name}`}>
        <LabelledSelect
          id={`${idBase}-version`}
          label="Version"
          value={version}
          onChange={setVersion}
          options={[
            { value: "latest", label: `Latest (${String(versions[0] ?? "")})` },
            ...versions.map((number) => ({ value: String(number), label: `Version ${String(number)}` })),
          ]}
        />
        <LabelledSelect id={`${idBase}-split`} label="Split" value={split} onChange={setSplit} options={splits} />
        <LabelledSelect
          id={`${idBase}-format`}
          label="Format"
          value={format}
          onChange={(value) => {
            setFormat(exportFormats.find((candidate) => candidate === value) ?? "jsonl");
          }}
          options={exportFormats.map((value) => ({ value, label: formatLabel[value] }))}
        />
        <Button
          type="button"
          variant="soft"
          disabled={busy}
          onClick={() => {
            void download();
          }}
        >
          <DownloadIcon /> Export {formatName[format]}
        </Button>
      </Flex>
      {progress ? (
        <Text size="2" color="gray" role="status">
          {progress}
        </Text>
      ) : null}
      <ErrorMessage error={error} />
    </Flex>
  );
}

/** Takes one example out of the dataset's working set. */
export function RemoveItemButton({ projectId, name, itemId }: { projectId: string; name: string; itemId: string }) {
  const { run, error, busy } = useMutation();
  return (
    <>
      <Button
        type="button"
        size="1"
        variant="soft"
        color="red"
        disabled={busy}
        onClick={() => {
          void run(() => callApi("DELETE", `/api/v1/projects/${projectId}/datasets/${encodeURIComponent(name)}/items/${itemId}`), {
            success: "Item removed from the working set",
          });
        }}
      >
        Remove
      </Button>
      <ErrorMessage error={error} />
    </>
  );
}
