"use client";

import { formText } from "@/components/ui/formData";
import { useState, type SubmitEvent } from "react";
import type { ApiKeySummary } from "@/contracts/apiKeys";
import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";

function formatTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : "never";
}

/** How a public key's origin list reads: what the server will accept with it. */
function describeOrigins(origins: string[]): string {
  if (origins.includes("*")) return ["any page, and servers (*)", ...origins.filter((origin) => origin !== "*")].join(", ");
  return origins.join(", ") || "none (only this app's own pages)";
}

function parseOrigins(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** Edits one public key's allowed origins in place. */
function OriginsEditor({
  keyName,
  origins,
  onSave,
  busy,
}: {
  keyName: string;
  origins: string[];
  onSave: (origins: string[]) => void;
  busy: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(origins.join(", "));
  if (!editing)
    return (
      <>
        {describeOrigins(origins)}{" "}
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setText(origins.join(", "));
            setEditing(true);
          }}
        >
          Edit origins of {keyName}
        </button>
      </>
    );
  return (
    <form
      className="row"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(parseOrigins(text));
        setEditing(false);
      }}
    >
      <label>
        Allowed origins of {keyName}
        <input
          value={text}
          placeholder="https://chat.example.com, or *"
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        Save origins
      </button>
      <button
        type="button"
        onClick={() => {
          setEditing(false);
        }}
      >
        Cancel
      </button>
    </form>
  );
}

export function ApiKeysPanel({ projectId, keys, manageable }: { projectId: string; keys: ApiKeySummary[]; manageable: boolean }) {
  const { run, error, busy } = useMutation();
  const [kind, setKind] = useState<"public" | "secret">("public");
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const base = `/api/v1/projects/${projectId}/api-keys`;

  function create(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const origins = parseOrigins(formText(form, "allowedOrigins"));
    const input = { kind, name: formText(form, "name"), allowedOrigins: kind === "public" ? origins : [] };
    void run(async () => {
      const result = await callApi<{ apiKey: ApiKeySummary; key: string }>("POST", base, input);
      setCreated({ name: result.apiKey.name, key: result.key });
    });
  }

  return (
    <section className="panel" aria-labelledby="keys-heading">
      <h2 id="keys-heading">API keys</h2>
      <p className="muted">
        Public keys (pk_) go in browsers and can only send feedback, from the pages of their allowed origins (each request must carry a
        matching Origin; <code>*</code> allows any page and servers); secret keys (sk_) stay on servers.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Allowed origins</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <td>{key.name}</td>
              <td>
                <code>{key.displayPrefix}…</code>
              </td>
              <td>
                {key.kind !== "public" ? (
                  "—"
                ) : manageable && !key.revokedAt ? (
                  <OriginsEditor
                    keyName={key.name}
                    origins={key.allowedOrigins}
                    busy={busy}
                    onSave={(allowedOrigins) => void run(() => callApi("PATCH", `${base}/${key.id}`, { allowedOrigins }))}
                  />
                ) : (
                  describeOrigins(key.allowedOrigins)
                )}
              </td>
              <td>{formatTime(key.lastUsedAt)}</td>
              <td>
                {key.revokedAt ? (
                  <span className="muted">revoked {formatTime(key.revokedAt)}</span>
                ) : manageable ? (
                  <button
                    type="button"
                    className="danger"
                    disabled={busy}
                    onClick={() => void run(() => callApi("DELETE", `${base}/${key.id}`))}
                  >
                    Revoke {key.name}
                  </button>
                ) : (
                  "active"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {manageable ? (
        <form className="row" onSubmit={create} style={{ marginTop: "1rem" }}>
          <label>
            Kind
            <select
              value={kind}
              onChange={(event) => {
                setKind(event.target.value === "secret" ? "secret" : "public");
              }}
            >
              <option value="public">public (pk_)</option>
              <option value="secret">secret (sk_)</option>
            </select>
          </label>
          <label>
            Key name
            <input name="name" required maxLength={100} />
          </label>
          {kind === "public" ? (
            <label>
              Allowed origins
              <input name="allowedOrigins" placeholder="https://chat.example.com" />
            </label>
          ) : null}
          <button type="submit" className="primary" disabled={busy}>
            Create key
          </button>
        </form>
      ) : null}
      {created ? (
        <div role="status" className="stack" style={{ marginTop: "1rem" }}>
          <p>Copy the key “{created.name}” now; it is not shown again:</p>
          <code className="secret" data-testid="new-api-key">
            {created.key}
          </code>
        </div>
      ) : null}
      <ErrorMessage error={error} />
    </section>
  );
}
