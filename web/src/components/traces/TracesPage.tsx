import Link from "next/link";
import { Button, Flex, Text } from "@radix-ui/themes";
import type { TracesPageView } from "@/server/traces/traceConsole";
import { TraceFilters } from "@/components/traces/TraceFilters";
import { TraceList } from "@/components/traces/TraceList";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { PageHeader } from "@/components/ui/PageHeader";

export function TracesPage({ projectId, view }: { projectId: string; view: TracesPageView }) {
  // The filter reader drops blank filters, so every key but the fixed page size is one the user set.
  const filtered = Object.keys(view.filters.query).some((key) => key !== "limit");
  return (
    <>
      <PageHeader
        title="Traces"
        description="Every interaction your application logged, newest first, with what its users said about it."
      />
      <Flex direction="column" gap="4">
        <TraceFilters filters={view.filters} />
        <ErrorMessage error={view.filters.error} />
        {view.rows.length === 0 ? (
          <EmptyState title={filtered ? "No traces match" : "No traces yet"}>
            {filtered
              ? "Try a longer time range or fewer filters."
              : "Send traces from your server with POST /api/v1/traces and a secret key; they appear here within seconds."}
          </EmptyState>
        ) : (
          <>
            <TraceList projectId={projectId} rows={view.rows} scoreColumns={view.scoreColumns} />
            <Flex justify="between" align="center" gap="3" wrap="wrap">
              {/* Scores have no store yet: their columns (one per score name, as Langfuse shows them) come with it. */}
              <Text size="1" color="gray">
                Score columns appear here once evaluator or human scores are recorded for traces.
              </Text>
              {view.olderHref ? (
                <Button asChild variant="soft">
                  <Link href={view.olderHref}>Older traces</Link>
                </Button>
              ) : null}
            </Flex>
          </>
        )}
      </Flex>
    </>
  );
}
