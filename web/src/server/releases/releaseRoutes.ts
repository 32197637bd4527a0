import { endpoint } from "@/server/api/endpoint";
import { callerProjectId } from "@/server/api/caller";
import { keyOrProjectParams } from "@/contracts/common";
import { releaseComparisonQuerySchema, releaseComparisonSchema } from "@/contracts/releases";
import { compareReleases } from "@/server/releases/compareReleases";

export const releaseCompareRoute = endpoint({
  method: "GET",
  path: ["/api/v1/releases/compare", "/api/v1/projects/{projectId}/releases/compare"],
  summary:
    "A candidate release against the baseline over one period, metric by metric: always-valid intervals, Holm-adjusted verdicts, and the sample ratio against a configured split",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "traces:read",
  params: keyOrProjectParams,
  query: releaseComparisonQuerySchema,
  response: releaseComparisonSchema,
  answers: "Every metric with data, with each release's value, interval and sample size, and a verdict",
  handler: ({ database, caller, query, now }) => compareReleases(database, callerProjectId(caller), query, now),
});

export const releaseEndpoints = [releaseCompareRoute] as const;
