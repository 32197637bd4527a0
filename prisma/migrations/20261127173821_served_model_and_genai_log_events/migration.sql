-- AlterTable
ALTER TABLE "spans" ADD COLUMN     "served_model" TEXT;

-- AlterTable
ALTER TABLE "traces" ADD COLUMN     "served_model" TEXT;

-- CreateTable
CREATE TABLE "genai_log_events" (
    "project_id" UUID NOT NULL,
    "trace_id" TEXT NOT NULL,
    "span_id" TEXT NOT NULL,
    "record_key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "time_unix_nano" BIGINT NOT NULL,
    "position" INTEGER NOT NULL,
    "body" JSONB,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "genai_log_events_pkey" PRIMARY KEY ("project_id","trace_id","span_id","record_key")
);

-- CreateIndex
CREATE INDEX "genai_log_events_project_id_received_at_idx" ON "genai_log_events"("project_id", "received_at");

-- AddForeignKey
ALTER TABLE "genai_log_events" ADD CONSTRAINT "genai_log_events_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
