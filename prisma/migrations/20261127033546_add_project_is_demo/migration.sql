-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "is_demo" BOOLEAN NOT NULL DEFAULT false;
