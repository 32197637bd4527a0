import type { Queryable } from "@/server/db/client";
import type { TimeWindow } from "@/server/alerts/alertWindows";
import type { WindowSeries } from "@/server/alerts/values/windowSeries";

/**
 * The review queue's size at the end of each window: items made before then and not closed
 * by then. An open or in-review item has not been closed; a done or dismissed one closed
 * when the annotation that completed it was saved, its latest (an item without one, closed
 * some other way, at its last change). Closing updates the item, so only items changed since
 * the first window's end can have been open then and closed since: the rest are not looked at,
 * which keeps the every-minute gauge to the open items. One query for all the windows.
 */
export async function reviewQueueSeries(database: Queryable, projectId: string, windows: readonly TimeWindow[]): Promise<WindowSeries> {
  const ends = windows.map((window) => window.to.toISOString());
  const first = windows.length ? new Date(Math.min(...windows.map((window) => window.to.getTime()))) : new Date(0);
  const sizes = windows.length
    ? await database.$queryRaw<{ position: number; size: number }[]>`
        WITH items AS (
          SELECT r.created_at AS opened,
            CASE WHEN r.status IN ('open', 'in_review') THEN NULL
                 ELSE coalesce((SELECT max(a.created_at) FROM annotations a WHERE a.item_id = r.id), r.updated_at) END AS closed
          FROM review_items r
          WHERE r.project_id = ${projectId}::uuid AND (r.status IN ('open', 'in_review') OR r.updated_at >= ${first})
        )
        SELECT w.position::int AS position, count(items.opened)::int AS size
        FROM unnest(${ends}::timestamptz[]) WITH ORDINALITY AS w(at, position)
        LEFT JOIN items ON items.opened < w.at AND (items.closed IS NULL OR items.closed >= w.at)
        GROUP BY w.position`
    : [];
  const sizeAt = new Map(sizes.map((row) => [row.position - 1, row.size]));
  return {
    changed: () => null,
    at(index) {
      const size = sizeAt.get(index) ?? 0;
      return new Map([["", { value: size, samples: size }]]);
    },
  };
}
