-- CreateEnum
CREATE TYPE "ScoreDataType" AS ENUM ('numeric', 'boolean', 'categorical');

-- CreateEnum
CREATE TYPE "ScoreSource" AS ENUM ('api', 'evaluator', 'annotation');

-- CreateEnum
CREATE TYPE "EvaluatorKind" AS ENUM ('pii_leak', 'toxicity', 'faithfulness', 'relevance', 'refusal', 'format', 'llm_judge');

-- CreateEnum
CREATE TYPE "EvaluationStatus" AS ENUM ('pending', 'scored', 'skipped', 'failed');

-- CreateEnum
CREATE TYPE "BackfillStatus" AS ENUM ('running', 'done', 'failed');

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "answer_json_schema" JSONB;

-- CreateTable
CREATE TABLE "score_configs" (
    "project_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "data_type" "ScoreDataType" NOT NULL,
    "min_value" DOUBLE PRECISION,
    "max_value" DOUBLE PRECISION,
    "categories" TEXT[],
    "higher_is_better" BOOLEAN NOT NULL DEFAULT true,
    "review_threshold" DOUBLE PRECISION,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "score_configs_pkey" PRIMARY KEY ("project_id","name")
);

-- CreateTable
CREATE TABLE "scores" (
    "project_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "span_id" TEXT,
    "name" TEXT NOT NULL,
    "data_type" "ScoreDataType" NOT NULL,
    "value" DOUBLE PRECISION,
    "category" TEXT,
    "source" "ScoreSource" NOT NULL,
    "evaluator_id" UUID,
    "evaluator_name" TEXT,
    "evaluator_version" INTEGER,
    "comment" TEXT,
    "cost_usd" DOUBLE PRECISION,
    "author_id" UUID,
    "corrects_score_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scores_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "evaluators" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "EvaluatorKind" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "paused_reason" TEXT,
    "sampling_rate" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "settle_seconds" INTEGER NOT NULL DEFAULT 120,
    "filter" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "judge" JSONB,
    "judge_api_key" TEXT,
    "scanned_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "evaluators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_runs" (
    "project_id" UUID NOT NULL,
    "evaluator_id" UUID NOT NULL,
    "evaluator_version" INTEGER NOT NULL,
    "trace_id" TEXT NOT NULL,
    "status" "EvaluationStatus" NOT NULL DEFAULT 'pending',
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "evaluation_runs_pkey" PRIMARY KEY ("evaluator_id","evaluator_version","trace_id")
);

-- CreateTable
CREATE TABLE "judge_calls" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "evaluator_id" UUID NOT NULL,
    "trace_id" TEXT NOT NULL,
    "score_id" TEXT,
    "attempt" INTEGER NOT NULL,
    "prompt" JSONB NOT NULL,
    "response" TEXT,
    "http_status" INTEGER,
    "error" TEXT,
    "input_tokens" INTEGER,
    "output_tokens" INTEGER,
    "cost_usd" DOUBLE PRECISION,
    "latency_ms" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "judge_calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_backfills" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "evaluator_id" UUID NOT NULL,
    "from_time" TIMESTAMPTZ(3) NOT NULL,
    "to_time" TIMESTAMPTZ(3) NOT NULL,
    "status" "BackfillStatus" NOT NULL DEFAULT 'running',
    "total" INTEGER NOT NULL DEFAULT 0,
    "queued" INTEGER NOT NULL DEFAULT 0,
    "cursor_start" TIMESTAMPTZ(3),
    "cursor_id" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "evaluation_backfills_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "scores_project_id_trace_id_idx" ON "scores"("project_id", "trace_id");

-- CreateIndex
CREATE INDEX "scores_project_id_name_created_at_idx" ON "scores"("project_id", "name", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "evaluators_project_id_name_key" ON "evaluators"("project_id", "name");

-- CreateIndex
CREATE INDEX "evaluation_runs_project_id_status_idx" ON "evaluation_runs"("project_id", "status");

-- CreateIndex
CREATE INDEX "judge_calls_project_id_evaluator_id_started_at_idx" ON "judge_calls"("project_id", "evaluator_id", "started_at");

-- CreateIndex
CREATE INDEX "judge_calls_project_id_trace_id_idx" ON "judge_calls"("project_id", "trace_id");

-- CreateIndex
CREATE INDEX "evaluation_backfills_project_id_evaluator_id_idx" ON "evaluation_backfills"("project_id", "evaluator_id");

-- AddForeignKey
ALTER TABLE "score_configs" ADD CONSTRAINT "score_configs_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scores" ADD CONSTRAINT "scores_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scores" ADD CONSTRAINT "scores_project_id_trace_id_fkey" FOREIGN KEY ("project_id", "trace_id") REFERENCES "traces"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scores" ADD CONSTRAINT "scores_evaluator_id_fkey" FOREIGN KEY ("evaluator_id") REFERENCES "evaluators"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scores" ADD CONSTRAINT "scores_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluators" ADD CONSTRAINT "evaluators_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_runs" ADD CONSTRAINT "evaluation_runs_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_runs" ADD CONSTRAINT "evaluation_runs_evaluator_id_fkey" FOREIGN KEY ("evaluator_id") REFERENCES "evaluators"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "judge_calls" ADD CONSTRAINT "judge_calls_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "judge_calls" ADD CONSTRAINT "judge_calls_evaluator_id_fkey" FOREIGN KEY ("evaluator_id") REFERENCES "evaluators"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_backfills" ADD CONSTRAINT "evaluation_backfills_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_backfills" ADD CONSTRAINT "evaluation_backfills_evaluator_id_fkey" FOREIGN KEY ("evaluator_id") REFERENCES "evaluators"("id") ON DELETE CASCADE ON UPDATE CASCADE;
