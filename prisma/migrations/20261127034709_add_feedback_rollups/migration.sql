-- AlterTable
ALTER TABLE "metric_rollups" ADD COLUMN     "feedback_events" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "negative_traces" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rating_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rating_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "thumbs_down" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "thumbs_up" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "feedback_events_project_id_received_at_idx" ON "feedback_events"("project_id", "received_at");
