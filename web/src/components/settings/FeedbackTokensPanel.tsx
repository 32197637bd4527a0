"use client";

import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";

/** Per-answer authorisation of feedback: the requirement switch and the secret backends sign tokens with. */
export function FeedbackTokensPanel({
  projectId,
  required,
  editable,
  signingSecret,
  managesSecret,
}: {
  projectId: string;
  required: boolean;
  editable: boolean;
  /** Only for those who manage keys; null too for a project made before secrets came with projects. */
  signingSecret: string | null;
  managesSecret: boolean;
}) {
  const { run, error, busy } = useMutation();
  return (
    <section className="panel" aria-labelledby="feedback-tokens-heading">
      <h2 id="feedback-tokens-heading">Feedback tokens</h2>
      <p className="muted">
        A public key can be read from any page that embeds the widget. With tokens required, feedback is accepted only with a token your
        backend minted for that very answer (<code>POST /api/v1/feedback-tokens</code>, or <code>signFeedbackToken()</code> from{" "}
        <code>@liveloop/widget/server</code>): <code>v1.&lt;expires&gt;.&lt;signature&gt;</code>, the signature being base64url HMAC-SHA256
        of <code>v1:&lt;projectId&gt;:&lt;expires&gt;:&lt;traceId&gt;</code> under the signing secret below.
      </p>
      <label className="row">
        <input
          type="checkbox"
          checked={required}
          disabled={!editable || busy}
          onChange={(event) => {
            void run(() => callApi("PATCH", `/api/v1/projects/${projectId}`, { requireFeedbackTokens: event.target.checked }));
          }}
        />
        Require a valid feedback token with every feedback event
      </label>
      {signingSecret ? (
        <details>
          <summary>Signing secret</summary>
          <p>
            <code className="secret" data-testid="feedback-signing-secret">
              {signingSecret}
            </code>
          </p>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              if (window.confirm("Tokens minted with the current secret will stop working. Rotate?")) {
                void run(() => callApi("POST", `/api/v1/projects/${projectId}/feedback-signing-secret`));
              }
            }}
          >
            Rotate signing secret
          </button>
        </details>
      ) : managesSecret ? (
        // An older project has none until it first signs: creating it is this POST, never the page's render.
        <p className="row">
          <span className="muted">This project has no signing secret yet.</span>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              void run(() => callApi("POST", `/api/v1/projects/${projectId}/feedback-signing-secret`));
            }}
          >
            Create signing secret
          </button>
        </p>
      ) : null}
      <ErrorMessage error={error} />
    </section>
  );
}
