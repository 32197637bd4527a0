-- AlterTable
ALTER TABLE "dataset_run_items" ADD COLUMN     "scores" JSONB NOT NULL DEFAULT '[]';
