import { Prisma } from "@/generated/prisma/client";

/**
 * What counts as feedback on an answer, defined once in SQL for the metrics rollups and
 * the "negative feedback" trace filter. Over a trace's events (alias `f`):
 * - its thumb is the latest thumb event (0 = withdrawn, so neither up nor down);
 * - its rating is the latest rating, as a share of its scale (4 of 5 = 0.8);
 * - it has negative feedback when the thumb is down, the rating is at most 2 of 5
 *   (a share of 0.4), or the user reported it, rephrased the question or regenerated it.
 */
export const lowRatingShare = 0.4;

const latest = (expression: Prisma.Sql, type: string) =>
  Prisma.sql`(array_agg(${expression} ORDER BY f.occurred_at DESC, f.received_at DESC) FILTER (WHERE f.type = ${Prisma.raw(`'${type}'`)}))[1]`;

export const latestThumb = latest(Prisma.sql`f.value`, "thumb");
export const latestRatingShare = latest(Prisma.sql`f.value / f.scale`, "rating");
const implicitNegative = Prisma.sql`coalesce(bool_or(f.type IN ('report', 'rephrase', 'regenerate')), false)`;

export const hasNegativeFeedback = Prisma.sql`(coalesce(${latestThumb} = -1, false) OR coalesce(${latestRatingShare} <= ${Prisma.raw(String(lowRatingShare))}, false) OR ${implicitNegative})`;
