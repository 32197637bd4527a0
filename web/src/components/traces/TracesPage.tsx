import Link from "next/link";
import { redirect } from "next/navigation";
import { db } from "@/server/db/client";
import { findTraceId, listTraces } from "@/server/traces/traceQueries";
import { traceListParams } from "@/server/traces/traceListParams";
import { TraceFilters } from "@/components/traces/TraceFilters";
import { TraceList } from "@/components/traces/TraceList";
import { ErrorMessage } from "@/components/ui/ErrorMessage";

export async function TracesPage({
  projectId,
  searchParams,
}: {
  projectId: string;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const { query, error } = traceListParams(searchParams);
  const database = db();
  // A trace id pasted into the search box goes straight to that trace.
  if (query.q && !query.cursor) {
    const id = await findTraceId(database, projectId, query.q.trim());
    if (id) redirect(`/projects/${projectId}/traces/${encodeURIComponent(id)}`);
  }
  const page = await listTraces(database, projectId, query);
  const next = new URLSearchParams(
    Object.entries(searchParams).flatMap(([key, value]) => (typeof value === "string" && key !== "cursor" ? [[key, value]] : [])),
  );
  if (page.nextCursor) next.set("cursor", page.nextCursor);
  return (
    <>
      <h1>Traces</h1>
      <TraceFilters query={query} />
      <ErrorMessage error={error} />
      <section className="panel">
        <TraceList projectId={projectId} traces={page.data} />
        {page.nextCursor ? (
          <p>
            <Link href={`/projects/${projectId}/traces?${next.toString()}`}>Older traces</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
