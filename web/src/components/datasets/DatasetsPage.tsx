import { Badge, Box, Card, Code, Flex, Heading, Table, Text } from "@radix-ui/themes";
import type { Role } from "@/server/auth/permissions";
import { datasetsView, type DatasetView } from "@/server/datasets/datasetsView";
import type { DatasetChangeKind } from "@/server/datasets/datasetChanges";
import { formatTime } from "@/components/traces/format";
import { failureCategoryLabel } from "@/components/ui/labels";
import { PageHeader } from "@/components/ui/PageHeader";
import { EmptyState } from "@/components/ui/EmptyState";
import { ExportForm, PublishButton, RemoveItemButton } from "@/components/datasets/DatasetActions";
import { DatasetRunList } from "@/components/datasets/DatasetRunList";
import { TableCaption } from "@/components/settings/TableCaption";
import styles from "@/components/datasets/DatasetsPage.module.css";

const changeBadge: Record<DatasetChangeKind, { label: string; color: "green" | "red" | "amber" }> = {
  added: { label: "Added", color: "green" },
  removed: { label: "Removed", color: "red" },
  changed: { label: "Changed", color: "amber" },
};

/** "+2 −1 ~3" as badges; "no changes" when there are none. */
function ChangeCounts({ added, removed, changed }: { added: number; removed: number; changed: number }) {
  if (added + removed + changed === 0) {
    return (
      <Text size="2" color="gray">
        no changes
      </Text>
    );
  }
  return (
    <Flex gap="1" wrap="wrap">
      {added > 0 ? <Badge color="green">{added} added</Badge> : null}
      {removed > 0 ? <Badge color="red">{removed} removed</Badge> : null}
      {changed > 0 ? <Badge color="amber">{changed} changed</Badge> : null}
    </Flex>
  );
}

function DatasetCard({
  projectId,
  dataset,
  curates,
  exports,
}: {
  projectId: string;
  dataset: DatasetView;
  curates: boolean;
  exports: boolean;
}) {
  const latest = dataset.versions[0];
  const since = dataset.sinceLatest;
  return (
    <Card size="3" asChild>
      <section aria-label={`Dataset ${dataset.name}`}>
        <Flex direction="column" gap="5">
          <Flex justify="between" align="start" gap="4" wrap="wrap">
            <Box>
              <Heading as="h2" size="5">
                {dataset.name}
              </Heading>
              <Text as="p" size="2" color="gray" mt="1">
                {dataset.itemCount} working {dataset.itemCount === 1 ? "item" : "items"} ·{" "}
                {latest
                  ? `latest version ${latest.version} (${latest.itemCount} items, ${formatTime(latest.createdAt)})`
                  : "no published version"}
              </Text>
            </Box>
            {curates ? (
              <PublishButton
                projectId={projectId}
                name={dataset.name}
                nextVersion={(latest?.version ?? 0) + 1}
                itemCount={dataset.itemCount}
                changes={since}
              />
            ) : null}
          </Flex>

          {since ? (
            <Flex direction="column" gap="2">
              <Flex align="center" gap="3" wrap="wrap">
                <Heading as="h3" size="3">
                  Changes since version {since.from}
                </Heading>
                <ChangeCounts {...since} />
              </Flex>
              {since.items.length > 0 ? (
                <Table.Root variant="surface" size="1">
                  <TableCaption>{`Changes in ${dataset.name} since version ${since.from}`}</TableCaption>
                  <Table.Header>
                    <Table.Row>
                      <Table.ColumnHeaderCell width="110px">Change</Table.ColumnHeaderCell>
                      <Table.ColumnHeaderCell>Question</Table.ColumnHeaderCell>
                      <Table.ColumnHeaderCell>Expected answer</Table.ColumnHeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {since.items.map((item) => (
                      <Table.Row key={item.externalId}>
                        <Table.Cell>
                          <Badge color={changeBadge[item.change].color}>{changeBadge[item.change].label}</Badge>
                        </Table.Cell>
                        <Table.Cell className={styles.text}>{item.question}</Table.Cell>
                        <Table.Cell className={styles.text}>{item.expectedOutput}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table.Root>
              ) : null}
              {since.items.length < since.added + since.removed + since.changed ? (
                <Text size="1" color="gray">
                  The first {since.items.length} changes are listed.
                </Text>
              ) : null}
            </Flex>
          ) : null}

          {dataset.versions.length > 0 ? (
            <Flex direction="column" gap="2">
              <Heading as="h3" size="3">
                Published versions
              </Heading>
              <Table.Root variant="surface" size="1">
                <TableCaption>{`Versions of ${dataset.name}`}</TableCaption>
                <Table.Header>
                  <Table.Row>
                    <Table.ColumnHeaderCell>Version</Table.ColumnHeaderCell>
                    <Table.ColumnHeaderCell justify="end">Items</Table.ColumnHeaderCell>
                    <Table.ColumnHeaderCell>Published</Table.ColumnHeaderCell>
                    <Table.ColumnHeaderCell>Changes from the version before</Table.ColumnHeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {dataset.versions.map((version) => {
                    const changes = dataset.versionChanges[version.version];
                    return (
                      <Table.Row key={version.version} align="center">
                        <Table.RowHeaderCell>{version.version}</Table.RowHeaderCell>
                        <Table.Cell justify="end">{version.itemCount}</Table.Cell>
                        <Table.Cell>{formatTime(version.createdAt)}</Table.Cell>
                        <Table.Cell>
                          {changes ? (
                            <ChangeCounts {...changes} />
                          ) : (
                            <Text size="2" color="gray">
                              {version.version === 1 ? "first version" : "—"}
                            </Text>
                          )}
                        </Table.Cell>
                      </Table.Row>
                    );
                  })}
                </Table.Body>
              </Table.Root>
              {exports ? (
                <ExportForm projectId={projectId} name={dataset.name} versions={dataset.versions.map((version) => version.version)} />
              ) : null}
            </Flex>
          ) : null}

          {dataset.versions.length > 0 ? (
            <DatasetRunList
              projectId={projectId}
              dataset={dataset.name}
              runs={dataset.runs}
              assertions={dataset.assertions}
              assertionProblems={dataset.assertionProblems}
              editable={curates}
            />
          ) : null}

          <details className={styles.details}>
            <summary className={styles.summary}>
              Working items{dataset.itemCount > 50 ? " (newest 50)" : ""}: what the next version will hold
            </summary>
            <Table.Root variant="surface" size="1" mt="3">
              <TableCaption>{`Items of ${dataset.name}`}</TableCaption>
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeaderCell>Question</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Expected answer</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Rejected answer</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Category</Table.ColumnHeaderCell>
                  {curates ? <Table.ColumnHeaderCell>Actions</Table.ColumnHeaderCell> : null}
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {dataset.items.map((item) => (
                  <Table.Row key={item.id}>
                    <Table.Cell className={styles.text}>{item.question}</Table.Cell>
                    <Table.Cell className={styles.text}>{item.expectedOutput}</Table.Cell>
                    <Table.Cell className={styles.text}>{item.rejectedOutput ?? "—"}</Table.Cell>
                    <Table.Cell>{item.category ? <Badge color="gray">{failureCategoryLabel(item.category)}</Badge> : "—"}</Table.Cell>
                    {curates ? (
                      <Table.Cell>
                        <RemoveItemButton projectId={projectId} name={dataset.name} itemId={item.id} />
                      </Table.Cell>
                    ) : null}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table.Root>
          </details>
        </Flex>
      </section>
    </Card>
  );
}

/** Golden datasets: their working items, published versions, what changed between them, and exports. */
export async function DatasetsPage({ projectId, role }: { projectId: string; role: Role }) {
  const { datasets, curates, exports } = await datasetsView(projectId, role);
  return (
    <>
      <PageHeader
        title="Datasets"
        description={
          curates
            ? "Reviewed answers collect here; publish a version to freeze them for training and evaluation."
            : "Reviewed answers collect here. Owners and admins publish versions and remove working items."
        }
      />
      {datasets.length === 0 ? (
        <EmptyState title="No datasets yet">
          Reviewed answers added as corrected failures or good examples land in one, or add items with{" "}
          <Code>POST /api/v1/datasets/&#123;name&#125;/items</Code>.
        </EmptyState>
      ) : (
        <Flex direction="column" gap="5">
          {datasets.map((dataset) => (
            <DatasetCard key={dataset.name} projectId={projectId} dataset={dataset} curates={curates} exports={exports} />
          ))}
        </Flex>
      )}
    </>
  );
}
