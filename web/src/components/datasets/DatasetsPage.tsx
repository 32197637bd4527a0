import { db } from "@/server/db/client";
import { can, type Role } from "@/server/auth/permissions";
import { listDatasets } from "@/server/datasets/datasets";
import { formatTime } from "@/components/traces/format";
import { ExportButtons, PublishButton } from "@/components/datasets/DatasetActions";

/** Golden datasets: their working items, published versions, and exports of the latest one. */
export async function DatasetsPage({ projectId, role }: { projectId: string; role: Role }) {
  const datasets = await listDatasets(db(), projectId);
  return (
    <>
      <h1>Datasets</h1>
      {datasets.length === 0 ? (
        <p className="muted">
          No datasets yet. Reviewed answers added as corrected failures or good examples land in one, or add items with{" "}
          <code>POST /api/v1/datasets/&#123;name&#125;/items</code>.
        </p>
      ) : null}
      {datasets.map((dataset) => (
        <section key={dataset.name} className="panel stack" aria-label={`Dataset ${dataset.name}`}>
          <h2>{dataset.name}</h2>
          <p className="muted">
            {dataset.itemCount} items ·{" "}
            {dataset.versions[0]
              ? `latest version ${dataset.versions[0].version} (${dataset.versions[0].itemCount} items)`
              : "no published version"}
          </p>
          {can(role, "datasets:write") ? <PublishButton projectId={projectId} name={dataset.name} /> : null}
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
        </section>
      ))}
    </>
  );
}
