-- AlterTable
ALTER TABLE "metric_rollups" ADD COLUMN     "cost_sq_usd" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "rating_sq_sum" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "score_rollups" ADD COLUMN     "sum_sq" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- Rollups are derived: forgetting how far each project has caught up makes the rollup job
-- rebuild every bucket once, so the sums of squares of past buckets are filled in too.
DELETE FROM "rollup_states";
