-- AlterTable
ALTER TABLE "spans" ADD COLUMN     "cost_source" "CostSource";
