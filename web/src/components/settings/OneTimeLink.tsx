import { Callout, Code, Flex } from "@radix-ui/themes";
import { Link2Icon } from "@radix-ui/react-icons";
import type { IssuedLink } from "@/contracts/account";
import { CopyButton } from "@/components/settings/CopyButton";

/** A single-use link just issued: e-mailed to the person, or shown this once for the issuer to pass on. */
export function OneTimeLink({ label, link, expiresAt, emailed }: IssuedLink & { label: string }) {
  return (
    <Callout.Root color="blue" role="status">
      <Callout.Icon>
        <Link2Icon />
      </Callout.Icon>
      <Flex direction="column" gap="2" asChild>
        <div>
          <Callout.Text>
            {label}. It works once, until {new Date(expiresAt).toLocaleString()}.{" "}
            {emailed ? "It was sent to them by e-mail." : "Send it to them yourself: it is not shown again."}
          </Callout.Text>
          {link ? (
            <Flex align="center" gap="2" wrap="wrap">
              <Code size="2" data-testid="one-time-link" style={{ wordBreak: "break-all" }}>
                {link}
              </Code>
              <CopyButton value={link} label="Copy link" />
            </Flex>
          ) : null}
        </div>
      </Flex>
    </Callout.Root>
  );
}
