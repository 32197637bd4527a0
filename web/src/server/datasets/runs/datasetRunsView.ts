import { db } from "@/server/db/client";
import type { DatasetRunReport } from "@/contracts/datasetRuns";
import { datasetRunNameSchema } from "@/contracts/datasetRuns";
import { datasetNameSchema } from "@/contracts/datasets";
import { NotFoundError } from "@/server/errors";
import { datasetRunReport } from "@/server/datasets/runs/datasetRunReport";

/** What the run report page shows, or null when the dataset, run or chosen baseline does not exist. */
export async function datasetRunReportView(
  projectId: string,
  name: string,
  run: string,
  baseline: string | undefined,
): Promise<DatasetRunReport | null> {
  const names = [datasetNameSchema.safeParse(name), datasetRunNameSchema.safeParse(run)];
  if (!names.every((parsed) => parsed.success)) return null;
  const chosen = baseline === undefined ? undefined : datasetRunNameSchema.safeParse(baseline);
  if (chosen && !chosen.success) return null;
  try {
    return await datasetRunReport(db(), projectId, name, run, { baseline: chosen?.data });
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
