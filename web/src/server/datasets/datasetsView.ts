import { db } from "@/server/db/client";
import { can, type Role } from "@/server/auth/permissions";
import { listDatasetItems, listDatasets, type DatasetItemSummary, type DatasetSummary } from "@/server/datasets/datasets";
import { compareDatasetVersions, type DatasetComparison } from "@/server/datasets/datasetChanges";
import { listDatasetRuns } from "@/server/datasets/runs/datasetRuns";
import { datasetWithAssertions, storedAssertionProblem } from "@/server/datasets/runs/datasetAssertionSettings";
import type { DatasetRunSummary } from "@/contracts/datasetRuns";
import type { DatasetAssertion } from "@/contracts/datasetAssertions";

export interface DatasetView extends DatasetSummary {
  /** The newest working items (50), what the next version will hold. */
  items: DatasetItemSummary[];
  /** What publishing now would change against the latest version; null before the first. */
  sinceLatest: DatasetComparison | null;
  /** Per published version after the first (newest 20): its differences from the one before (counts only). */
  versionChanges: Record<number, Pick<DatasetComparison, "added" | "removed" | "changed">>;
  /** The newest regression runs (10). */
  runs: DatasetRunSummary[];
  /** What runs are checked against (empty: the default assertion). */
  assertions: DatasetAssertion[];
  /** Per assertion, why it cannot run any more (a pattern declared before RE2), or null. */
  assertionProblems: (string | null)[];
}

export interface DatasetsView {
  datasets: DatasetView[];
  /** Publishing, and removing what the next version will hold, are admin decisions. */
  curates: boolean;
  exports: boolean;
}

/** Everything the datasets page shows: each dataset's working items, versions, and what changed between them. */
export async function datasetsView(projectId: string, role: Role): Promise<DatasetsView> {
  const database = db();
  const summaries = await listDatasets(database, projectId);
  const datasets = await Promise.all(
    summaries.map(async (dataset): Promise<DatasetView> => {
      const latest = dataset.versions[0]?.version;
      // Versions are listed newest first; each is compared with the one published before it
      // (the newest 20: one query each, and older history is rarely what a curator asks about).
      const pairs = dataset.versions.slice(0, 20).flatMap((version) => (version.version > 1 ? [version.version] : []));
      const [items, sinceLatest, changes, runs, { assertions }] = await Promise.all([
        listDatasetItems(database, projectId, dataset.name),
        latest === undefined
          ? Promise.resolve(null)
          : compareDatasetVersions(database, projectId, dataset.name, { from: latest, to: "draft" }),
        Promise.all(
          pairs.map((version) => compareDatasetVersions(database, projectId, dataset.name, { from: version - 1, to: version }, 0)),
        ),
        listDatasetRuns(database, projectId, dataset.name, 10),
        datasetWithAssertions(database, projectId, dataset.name),
      ]);
      const versionChanges = Object.fromEntries(
        changes.map(({ to, added, removed, changed }) => [to === "draft" ? 0 : to, { added, removed, changed }]),
      );
      return {
        ...dataset,
        items,
        sinceLatest,
        versionChanges,
        runs,
        assertions,
        assertionProblems: assertions.map(storedAssertionProblem),
      };
    }),
  );
  return { datasets, curates: can(role, "datasets:publish"), exports: can(role, "datasets:export") };
}
