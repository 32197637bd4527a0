-- AlterTable
ALTER TABLE "dataset_items" ADD COLUMN     "expected_tool_calls" JSONB,
ADD COLUMN     "rejected_tool_calls" JSONB;

-- AlterTable
ALTER TABLE "dataset_version_items" ADD COLUMN     "expected_tool_calls" JSONB,
ADD COLUMN     "rejected_tool_calls" JSONB;
