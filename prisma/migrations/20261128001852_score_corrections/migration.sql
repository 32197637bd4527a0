-- AlterTable
ALTER TABLE "scores" ADD COLUMN     "use_as_example" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "scores_project_id_corrects_score_id_idx" ON "scores"("project_id", "corrects_score_id");

-- AddForeignKey
ALTER TABLE "scores" ADD CONSTRAINT "scores_project_id_corrects_score_id_fkey" FOREIGN KEY ("project_id", "corrects_score_id") REFERENCES "scores"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
