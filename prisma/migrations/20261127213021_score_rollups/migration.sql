-- CreateTable
CREATE TABLE "score_rollups" (
    "project_id" UUID NOT NULL,
    "granularity" "RollupGranularity" NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "hist_min" DOUBLE PRECISION,
    "hist_max" DOUBLE PRECISION,
    "hist" JSONB NOT NULL,

    CONSTRAINT "score_rollups_pkey" PRIMARY KEY ("project_id","granularity","dimension","name","bucket_start","value")
);

-- AddForeignKey
ALTER TABLE "score_rollups" ADD CONSTRAINT "score_rollups_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
