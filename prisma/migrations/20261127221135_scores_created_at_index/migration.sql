-- CreateIndex
CREATE INDEX "scores_project_id_created_at_idx" ON "scores"("project_id", "created_at");
