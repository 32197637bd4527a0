"use client";

import { useState } from "react";
import { Badge, Button, Card, Flex, Grid, Heading, Progress, Text } from "@radix-ui/themes";
import type { DriftRunResult } from "@/contracts/drift";
import { DriftExampleList } from "@/components/drift/DriftExampleList";
import type { DriftActionsContext } from "@/components/drift/DriftExampleActions";
import { clusterTitle, formatShare } from "@/components/drift/driftLabels";
import styles from "@/components/drift/Drift.module.css";

type Cluster = DriftRunResult["clusters"][number];

const changeBadge = {
  grew: { label: "Grew", color: "amber" },
  shrank: { label: "Shrank", color: "blue" },
  same: { label: "Unchanged", color: "gray" },
} as const;

/** Clusters shown before "Show all": the ones that explain most of a drift come first. */
const shownAtFirst = 4;

/**
 * The baseline's clusters by their part of the divergence: what each is about (its
 * keywords and most typical baseline texts), how its share moved, and its live texts.
 */
export function DriftClusters({
  projectId,
  clusters,
  actions,
}: {
  projectId: string;
  clusters: readonly Cluster[];
  actions: DriftActionsContext | null;
}) {
  const [showAll, setShowAll] = useState(false);
  const total = clusters.reduce((sum, cluster) => sum + Math.max(0, cluster.contribution), 0);
  const shown = showAll ? clusters : clusters.slice(0, shownAtFirst);
  return (
    <Flex direction="column" gap="3" asChild>
      <section aria-labelledby="drift-clusters-heading">
        <Flex justify="between" align="baseline" gap="3" wrap="wrap">
          <Flex direction="column" gap="0">
            <Heading as="h3" size="3" id="drift-clusters-heading">
              Clusters
            </Heading>
            <Text size="1" color="gray">
              Groups of similar baseline texts, by how much of the distance each explains.
            </Text>
          </Flex>
          {clusters.length > shownAtFirst ? (
            <Button
              size="1"
              variant="ghost"
              onClick={() => {
                setShowAll(!showAll);
              }}
            >
              {showAll ? `Show the first ${shownAtFirst}` : `Show all ${clusters.length}`}
            </Button>
          ) : null}
        </Flex>
        <Grid columns={{ initial: "1", md: "2" }} gap="3">
          {shown.map((cluster) => (
            <ClusterCard key={cluster.bin} projectId={projectId} cluster={cluster} total={total} actions={actions} />
          ))}
        </Grid>
      </section>
    </Flex>
  );
}

function ClusterCard({
  projectId,
  cluster,
  total,
  actions,
}: {
  projectId: string;
  cluster: Cluster;
  total: number;
  actions: DriftActionsContext | null;
}) {
  const title = clusterTitle(cluster);
  const change = cluster.liveShare > cluster.baselineShare ? "grew" : cluster.liveShare < cluster.baselineShare ? "shrank" : "same";
  const part = total > 0 ? Math.max(0, cluster.contribution) / total : 0;
  return (
    <Card size="2" asChild>
      <article aria-label={title}>
        <Flex direction="column" gap="3">
          <Flex justify="between" align="start" gap="2">
            <Heading as="h4" size="2">
              {title}
            </Heading>
            <Badge color={changeBadge[change].color} variant="soft" highContrast>
              {changeBadge[change].label}
            </Badge>
          </Flex>
          <Grid columns="auto 1fr auto" gap="2" align="center">
            <ShareRow label="Baseline" share={cluster.baselineShare} color="indigo" />
            <ShareRow label="Live" share={cluster.liveShare} color="amber" />
          </Grid>
          <Text size="1" color="gray">
            {formatShare(part)} of the divergence ({cluster.contribution.toFixed(3)} bits)
          </Text>
          {cluster.baselineExamples.length > 0 ? (
            <Flex direction="column" gap="1">
              <Text size="1" weight="medium">
                Typical baseline texts
              </Text>
              <ul className={styles.exampleList}>
                {cluster.baselineExamples.map((text) => (
                  <li key={text}>
                    <Text size="2" color="gray" className={styles.clamped}>
                      {text}
                    </Text>
                  </li>
                ))}
              </ul>
            </Flex>
          ) : null}
          <Flex direction="column" gap="1">
            <Text size="1" weight="medium">
              Typical live texts
            </Text>
            <DriftExampleList projectId={projectId} examples={cluster.liveExamples} actions={actions} label={`live texts of ${title}`} />
          </Flex>
        </Flex>
      </article>
    </Card>
  );
}

function ShareRow({ label, share, color }: { label: string; share: number; color: "indigo" | "amber" }) {
  return (
    <>
      <Text size="1" color="gray">
        {label}
      </Text>
      <Progress value={Math.round(share * 100)} color={color} aria-label={`${label} share`} className={styles.shareBar} />
      <Text size="1" weight="medium" align="right">
        {formatShare(share)}
      </Text>
    </>
  );
}
