import { Box, Button, Callout, Link, Text } from "@radix-ui/themes";
import { ArrowRightIcon, ExclamationTriangleIcon } from "@radix-ui/react-icons";
import { PageHeader } from "@/components/ui/PageHeader";
import type { DemoPageView } from "@/server/demo/demoView";
import { DemoChat } from "@/components/demo/DemoChat";
import styles from "./DemoChat.module.css";

/** /demo: a made-up shop's support chat with the widget under every answer. */
export function DemoPage({ view }: { view: Extract<DemoPageView, { status: "ready" }> }) {
  return (
    <Box asChild className={styles.page}>
      <main>
        <PageHeader
          title="Northwind Outfitters · support chat"
          description="A demo of the Liveloop widget. Ask about shipping, returns, tracking, payment, store hours or your account; rate the answers, copy them, rephrase a question or report one."
          actions={
            view.tracesHref ? (
              <Button asChild variant="soft">
                <a href={view.tracesHref}>
                  See the traces and feedback
                  <ArrowRightIcon aria-hidden />
                </a>
              </Button>
            ) : null
          }
        />
        {view.keyRevoked ? (
          <Callout.Root color="amber" role="alert">
            <Callout.Icon>
              <ExclamationTriangleIcon />
            </Callout.Icon>
            <Callout.Text>
              The demo&apos;s browser key was revoked
              {view.settingsHref ? (
                <>
                  {" "}
                  (<Link href={view.settingsHref}>Settings → API keys</Link> of this project)
                </>
              ) : null}
              , so this page cannot send feedback. A revoked key stays revoked; to try the widget again, create a public key there and use
              it in your own page.
            </Callout.Text>
          </Callout.Root>
        ) : (
          <DemoChat publicKey={view.publicKey} />
        )}
        <Text as="p" size="1" color="gray" mt="5">
          Northwind Outfitters is fictional; its assistant answers from a few canned facts.
        </Text>
      </main>
    </Box>
  );
}
