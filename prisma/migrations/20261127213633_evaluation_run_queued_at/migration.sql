-- AlterTable
ALTER TABLE "evaluation_runs" ADD COLUMN     "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "evaluation_runs_status_queued_at_idx" ON "evaluation_runs"("status", "queued_at");
