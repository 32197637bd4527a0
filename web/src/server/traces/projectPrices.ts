import type { Database, Queryable } from "@/server/db/client";
import type { ModelPrice, ModelPriceInput } from "@/contracts/modelPrices";
import { NotFoundError } from "@/server/errors";
import { listPrices, listPricesTakenOn, type ModelPriceEntry } from "@/server/traces/modelPrices";
import { costTrace } from "@/server/traces/traceCost";

const priceSelect = { id: true, modelPattern: true, inputPerMillionUsd: true, outputPerMillionUsd: true, effectiveFrom: true } as const;

function serialize(row: {
  id: string;
  modelPattern: string;
  inputPerMillionUsd: number;
  outputPerMillionUsd: number;
  effectiveFrom: Date;
}): ModelPrice {
  return { ...row, effectiveFrom: row.effectiveFrom.toISOString() };
}

export async function listModelPrices(database: Queryable, projectId: string) {
  const rows = await database.modelPrice.findMany({
    where: { projectId },
    orderBy: [{ modelPattern: "asc" }, { effectiveFrom: "asc" }],
    select: priceSelect,
  });
  return {
    data: rows.map(serialize),
    listPricesTakenOn,
    listPrices: listPrices.map(({ modelPattern, inputPerMillionUsd, outputPerMillionUsd }) => ({
      modelPattern,
      inputPerMillionUsd,
      outputPerMillionUsd,
    })),
  };
}

export async function addModelPrice(database: Queryable, projectId: string, input: ModelPriceInput): Promise<ModelPrice> {
  const row = await database.modelPrice.create({
    data: { projectId, ...input, effectiveFrom: new Date(input.effectiveFrom) },
    select: priceSelect,
  });
  return serialize(row);
}

export async function deleteModelPrice(database: Queryable, projectId: string, priceId: string): Promise<void> {
  const { count } = await database.modelPrice.deleteMany({ where: { id: priceId, projectId } });
  if (count === 0) throw new NotFoundError("No such price in this project");
}

const batchSize = 200;

/**
 * Prices every trace whose cost was not supplied again, with the project's current
 * prices, from the stored tokens: after a price change, past costs follow it. Costs the
 * client sent (trace or span) are kept. Works through the traces in id order, a batch per
 * transaction.
 */
export async function recomputeCosts(database: Database, projectId: string): Promise<{ traces: number }> {
  const prices = await database.modelPrice.findMany({
    where: { projectId },
    select: { modelPattern: true, inputPerMillionUsd: true, outputPerMillionUsd: true, effectiveFrom: true },
  });
  let after = "";
  let recomputed = 0;
  for (;;) {
    const traces = await database.trace.findMany({
      where: { projectId, id: { gt: after }, OR: [{ costSource: null }, { costSource: "computed" }] },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, model: true, servedModel: true, startTime: true, inputTokens: true, outputTokens: true },
    });
    if (traces.length === 0) return { traces: recomputed };
    after = traces.at(-1)?.id ?? after;
    const spans = await database.span.findMany({
      where: { projectId, traceId: { in: traces.map((trace) => trace.id) } },
      select: {
        traceId: true,
        id: true,
        model: true,
        servedModel: true,
        inputTokens: true,
        outputTokens: true,
        costUsd: true,
        costSource: true,
      },
    });
    await database.$transaction(
      async (tx) => {
        for (const trace of traces) {
          const own = spans.filter((span) => span.traceId === trace.id);
          const usageOf = (row: { inputTokens: number | null; outputTokens: number | null }) =>
            row.inputTokens === null && row.outputTokens === null
              ? undefined
              : { inputTokens: row.inputTokens ?? 0, outputTokens: row.outputTokens ?? 0 };
          const cost = costTrace(
            {
              startTime: trace.startTime.toISOString(),
              model: trace.model ?? undefined,
              servedModel: trace.servedModel ?? undefined,
              usage: usageOf(trace),
              spans: own.map((span) => ({
                model: span.model ?? undefined,
                servedModel: span.servedModel ?? undefined,
                usage: usageOf(span),
                costUsd: span.costSource === "supplied" && span.costUsd !== null ? span.costUsd : undefined,
              })),
            },
            prices,
          );
          await tx.trace.update({
            where: { projectId_id: { projectId, id: trace.id } },
            data: { costUsd: cost.costUsd, costSource: cost.costSource },
          });
          for (const [i, span] of own.entries()) {
            const next = cost.spanCosts[i];
            if (span.costSource !== "supplied" && next && next.costUsd !== span.costUsd) {
              await tx.span.update({
                where: { projectId_traceId_id: { projectId, traceId: trace.id, id: span.id } },
                data: { costUsd: next.costUsd, costSource: next.costSource },
              });
            }
          }
        }
      },
      { timeout: 120_000 },
    );
    recomputed += traces.length;
  }
}

/** The project's own prices as the price lookup takes them (list prices cover the rest). */
export async function projectPriceEntries(database: Queryable, projectId: string): Promise<ModelPriceEntry[]> {
  return database.modelPrice.findMany({
    where: { projectId },
    select: { modelPattern: true, inputPerMillionUsd: true, outputPerMillionUsd: true, effectiveFrom: true },
  });
}
