import Link from "next/link";
import { Button, Flex } from "@radix-ui/themes";
import { EmptyState } from "@/components/ui/EmptyState";

/** A 404 people can act on: what was not found and the way back. */
export function NotFoundPanel({ what, backHref, backLabel }: { what: string; backHref: string; backLabel: string }) {
  return (
    <Flex direction="column" gap="4" pt="6">
      <EmptyState
        title={`${what} not found`}
        headingLevel="h1"
        action={
          <Button asChild variant="soft">
            <Link href={backHref}>{backLabel}</Link>
          </Button>
        }
      >
        It may have been deleted, or the link is wrong. Ids are checked within the current project.
      </EmptyState>
    </Flex>
  );
}
