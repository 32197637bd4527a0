import { db } from "@/server/db/client";
import { can, type Role } from "@/server/auth/permissions";
import { listDatasetItems, listDatasets } from "@/server/datasets/datasets";
import { formatTime } from "@/components/traces/format";
import { ExportButtons, PublishButton, RemoveItemButton } from "@/components/datasets/DatasetActions";

/** Golden datasets: their working items, published versions, and exports of the latest one. */
export async function DatasetsPage({ projectId, role }: { projectId: string; role: Role }) {
  const database = db();
  const datasets = await listDatasets(database, projectId);
  const items = await Promise.all(datasets.map((dataset) => listDatasetItems(database, projectId, dataset.name)));
  // Publishing, and removing what the next version will hold, are admin decisions.
  const curates = can(role, "datasets:publish");
  return (
    <>
      <h1>Datasets</h1>
      {curates ? null : <p className="muted">Owners and admins publish versions and remove working items.</p>}
      {datasets.length === 0 ? (
        <p className="muted">
          No datasets yet. Reviewed answers added as corrected failures or good examples land in one, or add items with{" "}
          <code>POST /api/v1/datasets/&#123;name&#125;/items</code>.
        </p>
      ) : null}
      {datasets.map((dataset, index) => (
        <section key={dataset.name} className="panel stack" aria-label={`Dataset ${dataset.name}`}>
          <h2>{dataset.name}</h2>
          <p className="muted">
            {dataset.itemCount} items ·{" "}
            {dataset.versions[0]
              ? `latest version ${dataset.versions[0].version} (${dataset.versions[0].itemCount} items)`
              : "no published version"}
          </p>
          {curates ? <PublishButton projectId={projectId} name={dataset.name} /> : null}
          {dataset.versions.length > 0 ? (
            <table aria-label={`Versions of ${dataset.name}`}>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Items</th>
                  <th scope="col">Published</th>
                </tr>
              </thead>
              <tbody>
                {dataset.versions.map((version) => (
                  <tr key={version.version}>
                    <td>{version.version}</td>
                    <td>{version.itemCount}</td>
                    <td>{formatTime(version.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {dataset.versions.length > 0 && can(role, "datasets:export") ? <ExportButtons projectId={projectId} name={dataset.name} /> : null}
          <details>
            <summary>Working items{dataset.itemCount > 50 ? " (newest 50)" : ""}: what the next version will hold</summary>
            <table aria-label={`Items of ${dataset.name}`}>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Expected answer</th>
                  <th scope="col">Rejected answer</th>
                  <th scope="col">Category</th>
                  {curates ? <th scope="col">Actions</th> : null}
                </tr>
              </thead>
              <tbody>
                {(items[index] ?? []).map((item) => (
                  <tr key={item.id}>
                    <td>{item.question}</td>
                    <td>{item.expectedOutput}</td>
                    <td>{item.rejectedOutput ?? "—"}</td>
                    <td>{item.category ?? "—"}</td>
                    {curates ? (
                      <td>
                        <RemoveItemButton projectId={projectId} name={dataset.name} itemId={item.id} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>
      ))}
    </>
  );
}
