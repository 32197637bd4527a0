-- CreateEnum
CREATE TYPE "PiiRedaction" AS ENUM ('off', 'mask');

-- CreateEnum
CREATE TYPE "TraceStatus" AS ENUM ('ok', 'error');

-- CreateEnum
CREATE TYPE "SpanType" AS ENUM ('llm', 'retrieval', 'tool', 'agent', 'chain', 'embedding', 'other');

-- CreateEnum
CREATE TYPE "CostSource" AS ENUM ('supplied', 'computed');

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "pii_redaction" "PiiRedaction" NOT NULL DEFAULT 'off';

-- CreateTable
CREATE TABLE "traces" (
    "project_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT,
    "session_id" TEXT,
    "user_id" TEXT,
    "input" JSONB,
    "output" JSONB,
    "model" TEXT,
    "release" TEXT,
    "prompt_template" TEXT,
    "prompt_version" TEXT,
    "config" JSONB,
    "start_time" TIMESTAMPTZ(3) NOT NULL,
    "end_time" TIMESTAMPTZ(3),
    "first_token_time" TIMESTAMPTZ(3),
    "latency_ms" INTEGER,
    "ttft_ms" INTEGER,
    "input_tokens" INTEGER,
    "output_tokens" INTEGER,
    "cost_usd" DOUBLE PRECISION,
    "cost_source" "CostSource",
    "status" "TraceStatus" NOT NULL DEFAULT 'ok',
    "error" TEXT,
    "metadata" JSONB,
    "search_text" TEXT NOT NULL DEFAULT '',
    "content_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "traces_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "spans" (
    "project_id" UUID NOT NULL,
    "trace_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "parent_id" TEXT,
    "orphan" BOOLEAN NOT NULL DEFAULT false,
    "type" "SpanType" NOT NULL,
    "name" TEXT NOT NULL,
    "input" JSONB,
    "output" JSONB,
    "model" TEXT,
    "start_time" TIMESTAMPTZ(3) NOT NULL,
    "end_time" TIMESTAMPTZ(3),
    "first_token_time" TIMESTAMPTZ(3),
    "input_tokens" INTEGER,
    "output_tokens" INTEGER,
    "cost_usd" DOUBLE PRECISION,
    "status" "TraceStatus" NOT NULL DEFAULT 'ok',
    "error" TEXT,
    "attributes" JSONB,

    CONSTRAINT "spans_pkey" PRIMARY KEY ("project_id","trace_id","id")
);

-- CreateTable
CREATE TABLE "model_prices" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "model_pattern" TEXT NOT NULL,
    "input_per_million_usd" DOUBLE PRECISION NOT NULL,
    "output_per_million_usd" DOUBLE PRECISION NOT NULL,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_prices_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "traces_project_id_start_time_idx" ON "traces"("project_id", "start_time" DESC);

-- CreateIndex
CREATE INDEX "traces_project_id_session_id_start_time_idx" ON "traces"("project_id", "session_id", "start_time");

-- CreateIndex
CREATE INDEX "traces_project_id_user_id_start_time_idx" ON "traces"("project_id", "user_id", "start_time");

-- CreateIndex
CREATE INDEX "model_prices_project_id_effective_from_idx" ON "model_prices"("project_id", "effective_from");

-- AddForeignKey
ALTER TABLE "traces" ADD CONSTRAINT "traces_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "spans" ADD CONSTRAINT "spans_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "spans" ADD CONSTRAINT "spans_project_id_trace_id_fkey" FOREIGN KEY ("project_id", "trace_id") REFERENCES "traces"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_prices" ADD CONSTRAINT "model_prices_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
