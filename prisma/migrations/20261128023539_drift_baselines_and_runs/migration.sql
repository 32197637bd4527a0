-- CreateEnum
CREATE TYPE "DriftBaselineSource" AS ENUM ('dataset', 'traffic');

-- CreateEnum
CREATE TYPE "DriftWindow" AS ENUM ('hour', 'day', 'custom');

-- CreateEnum
CREATE TYPE "DriftRunStatus" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateEnum
CREATE TYPE "DriftVerdict" AS ENUM ('not_enough_data', 'no_drift', 'warning', 'drift');

-- CreateTable
CREATE TABLE "drift_baselines" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "source" "DriftBaselineSource" NOT NULL,
    "dataset_id" UUID,
    "dataset_version" INTEGER,
    "from_time" TIMESTAMPTZ(3),
    "to_time" TIMESTAMPTZ(3),
    "field" "EmbeddingField" NOT NULL,
    "embedder" TEXT NOT NULL,
    "dimensions" INTEGER NOT NULL,
    "point_count" INTEGER NOT NULL,
    "model" JSONB NOT NULL,
    "thresholds" JSONB NOT NULL,
    "hourly" BOOLEAN NOT NULL DEFAULT true,
    "daily" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "drift_baselines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drift_baseline_points" (
    "project_id" UUID NOT NULL,
    "baseline_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "vector" BYTEA NOT NULL,

    CONSTRAINT "drift_baseline_points_pkey" PRIMARY KEY ("baseline_id","position")
);

-- CreateTable
CREATE TABLE "drift_runs" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "baseline_id" UUID NOT NULL,
    "window" "DriftWindow" NOT NULL,
    "from_time" TIMESTAMPTZ(3) NOT NULL,
    "to_time" TIMESTAMPTZ(3) NOT NULL,
    "status" "DriftRunStatus" NOT NULL DEFAULT 'queued',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "verdict" "DriftVerdict",
    "live_count" INTEGER,
    "js_distance" DOUBLE PRECISION,
    "js_distance_corrected" DOUBLE PRECISION,
    "kl_divergence" DOUBLE PRECISION,
    "novel_share" DOUBLE PRECISION,
    "p_value" DOUBLE PRECISION,
    "centroid_p_value" DOUBLE PRECISION,
    "result" JSONB,
    "map" JSONB,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "drift_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "drift_baselines_project_id_name_key" ON "drift_baselines"("project_id", "name");

-- CreateIndex
CREATE INDEX "drift_baseline_points_project_id_idx" ON "drift_baseline_points"("project_id");

-- CreateIndex
CREATE INDEX "drift_runs_project_id_baseline_id_window_from_time_idx" ON "drift_runs"("project_id", "baseline_id", "window", "from_time");

-- CreateIndex
CREATE UNIQUE INDEX "drift_runs_baseline_id_from_time_to_time_key" ON "drift_runs"("baseline_id", "from_time", "to_time");

-- AddForeignKey
ALTER TABLE "drift_baselines" ADD CONSTRAINT "drift_baselines_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drift_baselines" ADD CONSTRAINT "drift_baselines_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drift_baseline_points" ADD CONSTRAINT "drift_baseline_points_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drift_baseline_points" ADD CONSTRAINT "drift_baseline_points_baseline_id_fkey" FOREIGN KEY ("baseline_id") REFERENCES "drift_baselines"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drift_runs" ADD CONSTRAINT "drift_runs_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drift_runs" ADD CONSTRAINT "drift_runs_baseline_id_fkey" FOREIGN KEY ("baseline_id") REFERENCES "drift_baselines"("id") ON DELETE CASCADE ON UPDATE CASCADE;
