import type { Queryable } from "@/server/db/client";

/** Midnight UTC of the day `now` falls in: judge budgets are per UTC day. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** What an evaluator's judge calls cost since midnight UTC (every attempt counts, failed ones too). */
export async function evaluatorSpentTodayUsd(database: Queryable, projectId: string, evaluatorId: string, now: Date): Promise<number> {
  const total = await database.judgeCall.aggregate({
    where: { projectId, evaluatorId, startedAt: { gte: startOfUtcDay(now) } },
    _sum: { costUsd: true },
  });
  return total._sum.costUsd ?? 0;
}
