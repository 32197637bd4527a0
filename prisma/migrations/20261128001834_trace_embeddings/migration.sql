-- CreateEnum
CREATE TYPE "EmbeddingSource" AS ENUM ('application', 'builtin', 'provider');

-- CreateEnum
CREATE TYPE "EmbeddingField" AS ENUM ('input', 'output');

-- CreateTable
CREATE TABLE "trace_embeddings" (
    "project_id" UUID NOT NULL,
    "trace_id" TEXT NOT NULL,
    "field" "EmbeddingField" NOT NULL,
    "embedder" TEXT NOT NULL,
    "dimensions" INTEGER NOT NULL,
    "vector" BYTEA NOT NULL,
    "source" "EmbeddingSource" NOT NULL,
    "trace_start_time" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trace_embeddings_pkey" PRIMARY KEY ("project_id","trace_id","field","embedder")
);

-- CreateIndex
CREATE INDEX "trace_embeddings_project_id_embedder_field_trace_start_time_idx" ON "trace_embeddings"("project_id", "embedder", "field", "trace_start_time");

-- AddForeignKey
ALTER TABLE "trace_embeddings" ADD CONSTRAINT "trace_embeddings_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trace_embeddings" ADD CONSTRAINT "trace_embeddings_project_id_trace_id_fkey" FOREIGN KEY ("project_id", "trace_id") REFERENCES "traces"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
