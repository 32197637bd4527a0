-- AlterTable
ALTER TABLE "review_items" ADD COLUMN     "adjudicated_at" TIMESTAMPTZ(3),
ADD COLUMN     "adjudicated_by_id" UUID,
ADD COLUMN     "adjudicated_category" TEXT;

-- AddForeignKey
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_adjudicated_by_id_fkey" FOREIGN KEY ("adjudicated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
