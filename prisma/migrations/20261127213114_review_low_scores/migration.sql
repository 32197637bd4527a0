-- AlterEnum
ALTER TYPE "ReviewReason" ADD VALUE 'low_score';

-- AlterTable
ALTER TABLE "review_rules" ADD COLUMN     "low_scores" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "review_signals" ADD COLUMN     "score_id" TEXT,
ALTER COLUMN "feedback_event_id" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "review_signals_project_id_score_id_key" ON "review_signals"("project_id", "score_id");

-- A signal comes from exactly one feedback event or one score (Prisma cannot declare this).
ALTER TABLE "review_signals" ADD CONSTRAINT "review_signals_one_source" CHECK (num_nonnulls("feedback_event_id", "score_id") = 1);
