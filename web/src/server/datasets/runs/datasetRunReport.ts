import type { Database } from "@/server/db/client";
import type {
  AssertionResult,
  DatasetRunComparison,
  DatasetRunItem,
  DatasetRunItemStatus,
  DatasetRunReport,
  RunItemScore,
} from "@/contracts/datasetRuns";
import { NotFoundError } from "@/server/errors";
import { findDatasetId, findRun, runSelect, runStatusCounts, runSummary, type RunRow } from "@/server/datasets/runs/datasetRuns";
import { expectedText } from "@/server/datasets/runs/versionItems";
import { wordDiff } from "@/server/datasets/runs/wordDiff";
import { compareScoreMeans, runScoreMeans } from "@/server/datasets/runs/runScoreMeans";

interface ItemFacts {
  itemId: string;
  externalId: string;
  category: string | null;
  severity: string | null;
}

type Outcome = "pass" | "fail";
const outcomeOf = (status: DatasetRunItemStatus): Outcome => (status === "passed" ? "pass" : "fail");

type GroupCounts = { newlyFailing: number; newlyPassing: number; unchanged: number };

function grouped(entries: Map<string | null, GroupCounts>): DatasetRunComparison["byCategory"] {
  return [...entries]
    .map(([value, counts]) => ({ value, ...counts }))
    .sort((a, b) => b.newlyFailing - a.newlyFailing || b.newlyPassing - a.newlyPassing || String(a.value).localeCompare(String(b.value)));
}

/**
 * A run against its baseline, item by item (matched by itemId, so runs of different
 * versions compare on the items they share): newly failing passed in the baseline and not
 * now (an error counts as not passing), newly passing the other way round.
 */
export function compareRuns(
  baseline: { name: string; version: number; outcomes: Map<string, Outcome> },
  candidate: { items: (ItemFacts & { outcome: Outcome })[] },
): Omit<DatasetRunComparison, "scoreMeans"> {
  const newlyFailing: ItemFacts[] = [];
  const newlyPassing: ItemFacts[] = [];
  let unchanged = 0;
  const byCategory = new Map<string | null, GroupCounts>();
  const bySeverity = new Map<string | null, GroupCounts>();
  for (const { outcome, ...facts } of candidate.items) {
    const before = baseline.outcomes.get(facts.itemId);
    if (before === undefined) continue;
    const change: keyof GroupCounts = before === outcome ? "unchanged" : outcome === "fail" ? "newlyFailing" : "newlyPassing";
    if (change === "newlyFailing") newlyFailing.push(facts);
    else if (change === "newlyPassing") newlyPassing.push(facts);
    else unchanged += 1;
    for (const [groups, value] of [
      [byCategory, facts.category],
      [bySeverity, facts.severity],
    ] as const) {
      const counts = groups.get(value) ?? { newlyFailing: 0, newlyPassing: 0, unchanged: 0 };
      counts[change] += 1;
      groups.set(value, counts);
    }
  }
  return {
    baseline: baseline.name,
    baselineVersion: baseline.version,
    newlyFailing,
    newlyPassing,
    unchanged,
    byCategory: grouped(byCategory),
    bySeverity: grouped(bySeverity),
  };
}

/** The run to compare with: the one asked for, else the latest passing run created before this one. */
async function baselineRun(
  database: Database,
  datasetId: string,
  dataset: string,
  run: RunRow,
  asked: string | undefined,
): Promise<RunRow | null> {
  if (asked !== undefined) {
    const chosen = await findRun(database, datasetId, dataset, asked).catch((error: unknown) => {
      if (error instanceof NotFoundError) throw new NotFoundError(`Baseline run ${asked} not found in dataset ${dataset}`);
      throw error;
    });
    return chosen.id === run.id ? null : chosen;
  }
  // A passed gate can only be recorded on a complete run without errors, and a complete run takes no more outputs.
  return database.datasetRun.findFirst({
    where: { datasetId, gatePassed: true, createdAt: { lt: run.createdAt } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: runSelect,
  });
}

/** A run's report: summary, every output with its assertions and diff, missing items, and the comparison. */
export async function datasetRunReport(
  database: Database,
  projectId: string,
  name: string,
  runName: string,
  query: { baseline?: string | undefined },
): Promise<DatasetRunReport> {
  const datasetId = await findDatasetId(database, projectId, name);
  const run = await findRun(database, datasetId, name, runName);
  const baseline = await baselineRun(database, datasetId, name, run, query.baseline);
  const [counts, outputs, versionItems, baselineOutputs] = await Promise.all([
    runStatusCounts(database, [run.id]),
    database.datasetRunItem.findMany({
      where: { runId: run.id },
      orderBy: { position: "asc" },
      select: { itemId: true, output: true, status: true, assertions: true, scores: true },
    }),
    database.datasetVersionItem.findMany({
      where: { versionId: run.versionId },
      orderBy: { position: "asc" },
      select: { itemId: true, externalId: true, category: true, severity: true, expectedOutput: true, expectedToolCalls: true },
    }),
    baseline
      ? database.datasetRunItem.findMany({ where: { runId: baseline.id }, select: { itemId: true, status: true, scores: true } })
      : Promise.resolve([]),
  ]);
  const answered = new Map(outputs.map((output) => [output.itemId, output]));
  const items: DatasetRunItem[] = versionItems.flatMap((item) => {
    const output = answered.get(item.itemId);
    if (!output) return [];
    const expected = expectedText(item.expectedOutput, item.expectedToolCalls);
    return [
      {
        itemId: item.itemId,
        externalId: item.externalId,
        category: item.category,
        severity: item.severity,
        status: output.status,
        passed: output.status === "passed",
        assertions: output.assertions as unknown as AssertionResult[],
        scores: output.scores as unknown as RunItemScore[],
        output: output.output,
        expectedOutput: expected,
        diff: wordDiff(expected, output.output),
      },
    ];
  });
  // Stored through runItemScoreSchema's type at upload; rows from before scores existed hold [].
  const scoreMeans = runScoreMeans(items);
  const baselineScoreMeans = runScoreMeans(baselineOutputs.map((row) => ({ scores: row.scores as unknown as RunItemScore[] })));
  return {
    ...runSummary(name, run, counts.get(run.id) ?? { passed: 0, failed: 0, error: 0 }),
    missingItemIds: versionItems.filter((item) => !answered.has(item.itemId)).map((item) => item.itemId),
    items,
    scoreMeans,
    comparison: baseline
      ? {
          ...compareRuns(
            {
              name: baseline.name,
              version: baseline.version.version,
              outcomes: new Map(baselineOutputs.map((row) => [row.itemId, outcomeOf(row.status)])),
            },
            {
              items: items.map((item) => ({
                itemId: item.itemId,
                externalId: item.externalId,
                category: item.category,
                severity: item.severity,
                outcome: outcomeOf(item.status),
              })),
            },
          ),
          scoreMeans: compareScoreMeans(scoreMeans, baselineScoreMeans),
        }
      : null,
  };
}
