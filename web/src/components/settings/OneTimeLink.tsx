import type { IssuedLink } from "@/contracts/account";

/** A single-use link, shown this once: who it is for, until when, and whether it was also e-mailed. */
export function OneTimeLink({ label, link, expiresAt, emailed }: IssuedLink & { label: string }) {
  return (
    <div role="status" className="stack" style={{ marginTop: "1rem" }}>
      <p>
        {label}. It works once, until {new Date(expiresAt).toLocaleString()}.{" "}
        {emailed ? "It was also sent by e-mail." : "Send it to them yourself: it is not shown again."}
      </p>
      <code className="secret" data-testid="one-time-link">
        {link}
      </code>
    </div>
  );
}
