// The fitted drift baseline: what scoring a window needs, in memory and in its stored form.
import { z } from "zod";

/** A histogram bin: one per cluster, then "novel" (far from every centroid), then "empty" (zero vectors). */
export type DriftBin = { kind: "cluster"; cluster: number } | { kind: "novel" } | { kind: "empty" };

export interface DriftModel {
  /** Length of the vectors the baseline was fitted on; vectors of another length are refused. */
  dimensions: number;
  clusterCount: number;
  /** clusterCount unit centroids, row after row. */
  centroids: Float64Array;
  /** tau: a point whose 1 - (max cosine to a centroid) exceeds it goes to the novel bin. */
  noveltyThreshold: number;
  /** clusterCount + 2 bins: the clusters, then novel, then empty. */
  bins: DriftBin[];
  /** Histogram of the held-out half over `bins`: the reference a window is compared with. */
  referenceCounts: number[];
  /** The held-out half: index of each point in the fitted input, and its bin (examples and the centroid test use them). */
  heldOut: { index: number; bin: number }[];
  /** Number of vectors the baseline was fitted from (both halves). */
  pointCount: number;
  seed: number;
}

export const novelBin = (model: Pick<DriftModel, "clusterCount">): number => model.clusterCount;
export const emptyBin = (model: Pick<DriftModel, "clusterCount">): number => model.clusterCount + 1;

export const driftBins = (clusterCount: number): DriftBin[] => [
  ...Array.from({ length: clusterCount }, (_, cluster) => ({ kind: "cluster" as const, cluster })),
  { kind: "novel" },
  { kind: "empty" },
];

const BinSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("cluster"), cluster: z.number().int().min(0) }).strict(),
  z.object({ kind: z.literal("novel") }).strict(),
  z.object({ kind: z.literal("empty") }).strict(),
]);

/** The stored form of a DriftModel (JSON: centroids as arrays of numbers). */
export const StoredDriftModelSchema = z
  .object({
    version: z.literal(1),
    dimensions: z.number().int().min(1),
    centroids: z.array(z.array(z.number())).min(1).describe("Unit centroids, one array per cluster"),
    noveltyThreshold: z.number().min(0).max(2),
    bins: z.array(BinSchema),
    referenceCounts: z.array(z.number().int().min(0)),
    heldOut: z
      .object({ indexes: z.array(z.number().int().min(0)), bins: z.array(z.number().int().min(0)) })
      .strict()
      .describe("Input index and bin of every held-out point, in the same order"),
    pointCount: z.number().int().min(0),
    seed: z.number().int(),
  })
  .strict()
  .superRefine((model, context) => {
    const clusterCount = model.centroids.length;
    const problem = (message: string, path: string): void => {
      context.addIssue({ code: "custom", message, path: [path] });
    };
    if (model.centroids.some((centroid) => centroid.length !== model.dimensions))
      problem(`every centroid must have ${model.dimensions} values`, "centroids");
    if (JSON.stringify(model.bins) !== JSON.stringify(driftBins(clusterCount)))
      problem(`bins must be the ${clusterCount} clusters, then novel, then empty`, "bins");
    if (model.referenceCounts.length !== clusterCount + 2) problem(`referenceCounts must have ${clusterCount + 2} bins`, "referenceCounts");
    if (model.heldOut.indexes.length !== model.heldOut.bins.length)
      problem("heldOut.indexes and heldOut.bins must have the same length", "heldOut");
    if (model.heldOut.bins.some((bin) => bin > clusterCount + 1)) problem("a held-out bin is out of range", "heldOut");
  });
export type StoredDriftModel = z.infer<typeof StoredDriftModelSchema>;

export function driftModelToJson(model: DriftModel): StoredDriftModel {
  const { dimensions } = model;
  return {
    version: 1,
    dimensions,
    centroids: Array.from({ length: model.clusterCount }, (_, cluster) =>
      Array.from(model.centroids.subarray(cluster * dimensions, (cluster + 1) * dimensions)),
    ),
    noveltyThreshold: model.noveltyThreshold,
    bins: model.bins,
    referenceCounts: model.referenceCounts,
    heldOut: { indexes: model.heldOut.map((point) => point.index), bins: model.heldOut.map((point) => point.bin) },
    pointCount: model.pointCount,
    seed: model.seed,
  };
}

/** Parses a stored model (throws a ZodError when it is not one) back into a DriftModel. */
export function driftModelFromJson(stored: unknown): DriftModel {
  const model = StoredDriftModelSchema.parse(stored);
  return {
    dimensions: model.dimensions,
    clusterCount: model.centroids.length,
    centroids: Float64Array.from(model.centroids.flat()),
    noveltyThreshold: model.noveltyThreshold,
    bins: model.bins,
    referenceCounts: model.referenceCounts,
    heldOut: model.heldOut.indexes.map((index, i) => ({ index, bin: model.heldOut.bins[i] ?? 0 })),
    pointCount: model.pointCount,
    seed: model.seed,
  };
}
