import { Link2Icon } from "@radix-ui/react-icons";
import type { IssuedLink } from "@/contracts/account";
import { ShownOnceCallout } from "@/components/settings/ShownOnceCallout";

/** A single-use link just issued: e-mailed to the person, or shown this once for the issuer to pass on. */
export function OneTimeLink({ label, link, expiresAt, emailed }: IssuedLink & { label: string }) {
  return (
    <ShownOnceCallout color="blue" icon={<Link2Icon />} value={link} testId="one-time-link" copyLabel="Copy link">
      {label}. It works once, until {new Date(expiresAt).toLocaleString()}.{" "}
      {emailed ? "It was sent to them by e-mail." : "Send it to them yourself: it is not shown again."}
    </ShownOnceCallout>
  );
}
