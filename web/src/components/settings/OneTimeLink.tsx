import type { IssuedLink } from "@/contracts/account";

/** A single-use link just issued: e-mailed to the person, or shown this once for the issuer to pass on. */
export function OneTimeLink({ label, link, expiresAt, emailed }: IssuedLink & { label: string }) {
  return (
    <div role="status" className="stack" style={{ marginTop: "1rem" }}>
      <p>
        {label}. It works once, until {new Date(expiresAt).toLocaleString()}.{" "}
        {emailed ? "It was sent to them by e-mail." : "Send it to them yourself: it is not shown again."}
      </p>
      {link ? (
        <code className="secret" data-testid="one-time-link">
          {link}
        </code>
      ) : null}
    </div>
  );
}
