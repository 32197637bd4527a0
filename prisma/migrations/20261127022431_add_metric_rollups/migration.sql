-- CreateEnum
CREATE TYPE "RollupGranularity" AS ENUM ('minute', 'hour', 'day');

-- CreateTable
CREATE TABLE "metric_rollups" (
    "project_id" UUID NOT NULL,
    "granularity" "RollupGranularity" NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL DEFAULT '',
    "requests" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "latency_count" INTEGER NOT NULL,
    "latency_sum_ms" DOUBLE PRECISION NOT NULL,
    "latency_hist" JSONB NOT NULL,
    "ttft_count" INTEGER NOT NULL,
    "ttft_hist" JSONB NOT NULL,
    "cost_usd" DOUBLE PRECISION NOT NULL,
    "input_tokens" BIGINT NOT NULL,
    "output_tokens" BIGINT NOT NULL,

    CONSTRAINT "metric_rollups_pkey" PRIMARY KEY ("project_id","granularity","dimension","bucket_start","value")
);

-- CreateTable
CREATE TABLE "rollup_states" (
    "project_id" UUID NOT NULL,
    "refreshed_until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rollup_states_pkey" PRIMARY KEY ("project_id")
);

-- CreateIndex
CREATE INDEX "traces_project_id_updated_at_idx" ON "traces"("project_id", "updated_at");

-- AddForeignKey
ALTER TABLE "metric_rollups" ADD CONSTRAINT "metric_rollups_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollup_states" ADD CONSTRAINT "rollup_states_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
