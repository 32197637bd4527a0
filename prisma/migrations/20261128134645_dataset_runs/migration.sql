-- CreateEnum
CREATE TYPE "DatasetRunItemStatus" AS ENUM ('passed', 'failed', 'error');

-- AlterTable
ALTER TABLE "datasets" ADD COLUMN     "assertions" JSONB;

-- CreateTable
CREATE TABLE "dataset_runs" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "dataset_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "release" TEXT,
    "model" TEXT,
    "prompt_version" TEXT,
    "gate_passed" BOOLEAN,
    "gate_reason" TEXT,
    "gate_decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dataset_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset_run_items" (
    "project_id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "output" TEXT NOT NULL,
    "status" "DatasetRunItemStatus" NOT NULL,
    "assertions" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dataset_run_items_pkey" PRIMARY KEY ("run_id","item_id")
);

-- CreateIndex
CREATE INDEX "dataset_runs_project_id_dataset_id_created_at_idx" ON "dataset_runs"("project_id", "dataset_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "dataset_runs_dataset_id_name_key" ON "dataset_runs"("dataset_id", "name");

-- CreateIndex
CREATE INDEX "dataset_run_items_project_id_run_id_idx" ON "dataset_run_items"("project_id", "run_id");

-- AddForeignKey
ALTER TABLE "dataset_runs" ADD CONSTRAINT "dataset_runs_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_runs" ADD CONSTRAINT "dataset_runs_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_runs" ADD CONSTRAINT "dataset_runs_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "dataset_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_run_items" ADD CONSTRAINT "dataset_run_items_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_run_items" ADD CONSTRAINT "dataset_run_items_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "dataset_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
