-- AlterTable
ALTER TABLE "annotations" ALTER COLUMN "category" DROP NOT NULL;
