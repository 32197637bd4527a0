-- CreateTable
CREATE TABLE "trace_moves" (
    "id" BIGSERIAL NOT NULL,
    "project_id" UUID NOT NULL,
    "start_time" TIMESTAMPTZ(3) NOT NULL,
    "user_id" TEXT,
    "moved_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "trace_moves_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "trace_moves_project_id_moved_at_idx" ON "trace_moves"("project_id", "moved_at");

-- AddForeignKey
ALTER TABLE "trace_moves" ADD CONSTRAINT "trace_moves_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
