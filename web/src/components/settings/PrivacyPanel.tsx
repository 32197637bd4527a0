"use client";

import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";

/** Whether personal data in incoming traces is masked before it is stored. */
export function PrivacyPanel({
  projectId,
  piiRedaction,
  editable,
}: {
  projectId: string;
  piiRedaction: "off" | "mask";
  editable: boolean;
}) {
  const { run, error, busy } = useMutation();
  return (
    <section className="panel" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      <p className="muted">
        Masking replaces emails, phone numbers, payment card numbers, IBANs, IP addresses and secret-looking tokens in traces before
        anything is stored. It applies to traces received from then on.
      </p>
      <label>
        Personal data in traces
        <select
          value={piiRedaction}
          disabled={!editable || busy}
          onChange={(event) => {
            void run(() => callApi("PATCH", `/api/v1/projects/${projectId}`, { piiRedaction: event.target.value }));
          }}
        >
          <option value="off">store as sent</option>
          <option value="mask">mask before storing</option>
        </select>
      </label>
      <ErrorMessage error={error} />
    </section>
  );
}
