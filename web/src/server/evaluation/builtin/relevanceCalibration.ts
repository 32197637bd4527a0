// Written by labelled/fitRelevanceCalibration.ts: logistic curves of question/answer cosine ->
// relevant, fitted per embedder on the training half of the labelled relevance set. Refit when an embedder changes.
import type { Logistic } from "../labelled/logisticFit";

export const RELEVANCE_CALIBRATION: Readonly<Record<string, Logistic & { pairs: number }>> = {
  "glove-sif-100d-v1": { intercept: -3.4778953, slope: 9.1521695, pairs: 1314 },
  "lexstyle-v1": { intercept: -3.9134119, slope: 12.377894, pairs: 1314 },
};
