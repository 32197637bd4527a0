-- AlterEnum
ALTER TYPE "ReviewReason" ADD VALUE 'drift';

-- AlterTable
ALTER TABLE "review_signals" ADD COLUMN     "drift_run_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "review_signals_item_id_drift_run_id_key" ON "review_signals"("item_id", "drift_run_id");

-- AddForeignKey
ALTER TABLE "review_signals" ADD CONSTRAINT "review_signals_drift_run_id_fkey" FOREIGN KEY ("drift_run_id") REFERENCES "drift_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A signal still has exactly one source, now one of three.
ALTER TABLE "review_signals" DROP CONSTRAINT "review_signals_one_source";
ALTER TABLE "review_signals" ADD CONSTRAINT "review_signals_one_source" CHECK (num_nonnulls("feedback_event_id", "score_id", "drift_run_id") = 1);
