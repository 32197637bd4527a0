-- CreateEnum
CREATE TYPE "FeedbackType" AS ENUM ('thumb', 'rating', 'reasons', 'comment', 'report', 'copy', 'rephrase', 'regenerate');

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "feedback_signing_secret" TEXT,
ADD COLUMN     "require_feedback_tokens" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "feedback_events" (
    "project_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "type" "FeedbackType" NOT NULL,
    "trace_id" TEXT NOT NULL,
    "session_id" TEXT,
    "user_id" TEXT,
    "value" DOUBLE PRECISION,
    "scale" INTEGER,
    "reasons" TEXT[],
    "comment" TEXT,
    "category" TEXT,
    "metadata" JSONB,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_events_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateIndex
CREATE INDEX "feedback_events_project_id_trace_id_occurred_at_idx" ON "feedback_events"("project_id", "trace_id", "occurred_at");

-- CreateIndex
CREATE INDEX "feedback_events_project_id_occurred_at_idx" ON "feedback_events"("project_id", "occurred_at");

-- AddForeignKey
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
