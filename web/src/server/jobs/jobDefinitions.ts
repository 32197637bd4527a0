import type { JobDefinition } from "@/server/jobs/jobDefinition";
import { rollupJob } from "@/server/metrics/rollupJob";
import { reviewRoutingJob } from "@/server/review/reviewRoutingJob";
import { evaluationJobs } from "@/server/evaluation/evaluationJobs";
import { processEvaluationDependencies } from "@/server/evaluation/processEvaluation";
import { driftJobs } from "@/server/drift/driftJobs";
import { alertEvaluationJob } from "@/server/alerts/alertJobs";
import { alertDeliveryJob } from "@/server/alerts/delivery/alertDeliveryJob";
import { rolloutGuardJob } from "@/server/releases/rolloutJobs";

/** Every kind of background work; each process that runs jobs works all of them. */
export const jobDefinitions: readonly JobDefinition[] = [
  rollupJob,
  reviewRoutingJob,
  ...evaluationJobs(processEvaluationDependencies()),
  ...driftJobs,
  alertEvaluationJob,
  alertDeliveryJob,
  rolloutGuardJob,
];
