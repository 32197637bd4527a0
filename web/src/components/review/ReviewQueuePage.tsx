import Link from "next/link";
import { db } from "@/server/db/client";
import { can, type Role } from "@/server/auth/permissions";
import { describeRoutingFreshness, listReviewItems, reviewQueueCounts, reviewRoutingFreshness } from "@/server/review/reviewQueries";
import { reviewItemListQuerySchema, reviewReasons, reviewStatuses } from "@/contracts/review";
import { datetimeLocalAsUtc, firstParam, type SearchParams } from "@/server/console/searchParams";
import { formatTime } from "@/components/traces/format";
import { StartReviewing } from "@/components/review/StartReviewing";

export const reasonLabel: Record<(typeof reviewReasons)[number], string> = {
  report: "Report",
  thumbs_down: "Thumbs down",
  low_rating: "Low rating",
  rephrase: "Rephrased",
  sampled_positive: "Sampled positive",
};

/**
 * The queue: what is waiting and why, how fresh it is, and the button that starts a review
 * session. Rendering only reads: the routing job fills the queue, this page says how far.
 */
export async function ReviewQueuePage({ projectId, role, searchParams }: { projectId: string; role: Role; searchParams: SearchParams }) {
  const database = db();
  const parsed = reviewItemListQuerySchema.safeParse({
    status: firstParam(searchParams.status) || "open",
    reason: firstParam(searchParams.reason) || undefined,
    category: firstParam(searchParams.category) || undefined,
    cluster: firstParam(searchParams.cluster) || undefined,
    model: firstParam(searchParams.model) || undefined,
    release: firstParam(searchParams.release) || undefined,
    from: datetimeLocalAsUtc(firstParam(searchParams.from)),
    to: datetimeLocalAsUtc(firstParam(searchParams.to)),
    sort: firstParam(searchParams.sort) || undefined,
    limit: 100,
  });
  const query = parsed.success ? parsed.data : reviewItemListQuerySchema.parse({ status: "open", limit: 100 });
  const [items, counts, freshness] = await Promise.all([
    listReviewItems(database, projectId, query),
    reviewQueueCounts(database, projectId),
    reviewRoutingFreshness(database, projectId),
  ]);
  return (
    <>
      <h1>Review queue</h1>
      <p>
        <Link href={`/projects/${projectId}/review/agreement`}>Annotator agreement</Link> ·{" "}
        <Link href={`/projects/${projectId}/datasets`}>Datasets</Link>
      </p>
      <p className="muted" data-testid="routing-freshness">
        {describeRoutingFreshness(freshness, new Date())}
      </p>
      <section className="tiles" aria-label="Queue counts">
        {reviewStatuses.map((status) => (
          <div key={status} className="tile">
            <span className="muted">{status.replace("_", " ")}</span>
            <strong>{counts.byStatus[status] ?? 0}</strong>
          </div>
        ))}
        {reviewReasons.map((reason) => (
          <div key={reason} className="tile">
            <span className="muted">open · {reasonLabel[reason]}</span>
            <strong>{counts.openByReason[reason] ?? 0}</strong>
          </div>
        ))}
      </section>
      {can(role, "review:annotate") ? <StartReviewing projectId={projectId} /> : null}
      <form className="filters row" method="get" aria-label="Filter the queue">
        <label>
          Status
          <select name="status" defaultValue={query.status}>
            {reviewStatuses.map((status) => (
              <option key={status} value={status}>
                {status.replace("_", " ")}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reason
          <select name="reason" defaultValue={query.reason ?? ""}>
            <option value="">any</option>
            {reviewReasons.map((reason) => (
              <option key={reason} value={reason}>
                {reasonLabel[reason]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Category
          <input name="category" defaultValue={query.category ?? ""} />
        </label>
        <label>
          Model
          <input name="model" defaultValue={query.model ?? ""} />
        </label>
        <label>
          Queued from (UTC)
          <input name="from" type="datetime-local" defaultValue={query.from?.slice(0, 16) ?? ""} />
        </label>
        <label>
          Queued to (UTC)
          <input name="to" type="datetime-local" defaultValue={query.to?.slice(0, 16) ?? ""} />
        </label>
        <label>
          Release
          <input name="release" defaultValue={query.release ?? ""} />
        </label>
        <label>
          Sort
          <select name="sort" defaultValue={query.sort}>
            <option value="priority">priority</option>
            <option value="age">oldest first</option>
          </select>
        </label>
        {query.cluster ? <input type="hidden" name="cluster" value={query.cluster} /> : null}
        <button type="submit">Filter</button>
      </form>
      <table aria-label="Review items">
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">Reasons</th>
            <th scope="col">Similar complaints</th>
            <th scope="col">Trace</th>
            <th scope="col">Status</th>
            <th scope="col">Queued</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>{item.priority}</td>
              <td>{item.reasons.map((reason) => reasonLabel[reason]).join(", ")}</td>
              <td>
                {item.clusterSize > 1 && item.clusterId ? (
                  <Link href={`/projects/${projectId}/review?status=${query.status ?? "open"}&cluster=${item.clusterId}`}>
                    {item.clusterSize} similar complaints
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td>
                <Link href={`/projects/${projectId}/review/${item.id}`}>{item.traceId}</Link>
              </td>
              <td>
                {item.status.replace("_", " ")}
                {item.leasedBy ? ` (${item.leasedBy})` : ""}
              </td>
              <td>{formatTime(item.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length === 0 ? <p className="muted">No items match.</p> : null}
    </>
  );
}
