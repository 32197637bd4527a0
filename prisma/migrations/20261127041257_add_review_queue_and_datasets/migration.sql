-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('open', 'in_review', 'done', 'dismissed');

-- CreateEnum
CREATE TYPE "ReviewReason" AS ENUM ('report', 'thumbs_down', 'low_rating', 'rephrase', 'sampled_positive');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "AnnotationDecision" AS ENUM ('corrected_failure', 'good_example', 'dismiss');

-- CreateEnum
CREATE TYPE "DatasetSplit" AS ENUM ('train', 'test');

-- CreateTable
CREATE TABLE "review_rules" (
    "project_id" UUID NOT NULL,
    "thumbs_down" BOOLEAN NOT NULL DEFAULT true,
    "rating_threshold" DOUBLE PRECISION DEFAULT 2,
    "reports" BOOLEAN NOT NULL DEFAULT true,
    "rephrases" BOOLEAN NOT NULL DEFAULT true,
    "positive_sample_rate" DOUBLE PRECISION NOT NULL DEFAULT 0.05,
    "annotations_per_item" INTEGER NOT NULL DEFAULT 1,
    "failure_categories" TEXT[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_rules_pkey" PRIMARY KEY ("project_id")
);

-- CreateTable
CREATE TABLE "review_routing_states" (
    "project_id" UUID NOT NULL,
    "routed_until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_routing_states_pkey" PRIMARY KEY ("project_id")
);

-- CreateTable
CREATE TABLE "review_items" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "trace_id" TEXT NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'open',
    "priority" INTEGER NOT NULL,
    "fingerprint" BIGINT,
    "cluster_id" UUID,
    "leased_by_id" UUID,
    "lease_expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_signals" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "reason" "ReviewReason" NOT NULL,
    "feedback_event_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_signals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annotations" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "annotator_id" UUID NOT NULL,
    "category" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "corrected_response" TEXT,
    "notes" TEXT,
    "decision" "AnnotationDecision" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "annotations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annotation_revisions" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "annotation_id" UUID NOT NULL,
    "editor_id" UUID NOT NULL,
    "before" JSONB,
    "after" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "annotation_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "datasets" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "test_ratio" DOUBLE PRECISION NOT NULL DEFAULT 0.2,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "datasets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset_items" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "dataset_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "expected_output" TEXT NOT NULL,
    "rejected_output" TEXT,
    "category" TEXT,
    "severity" TEXT,
    "metadata" JSONB,
    "provenance" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dataset_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset_versions" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "dataset_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "item_count" INTEGER NOT NULL,
    "test_ratio" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dataset_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset_version_items" (
    "project_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "item_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "split" "DatasetSplit" NOT NULL,
    "input" JSONB NOT NULL,
    "expected_output" TEXT NOT NULL,
    "rejected_output" TEXT,
    "category" TEXT,
    "severity" TEXT,
    "metadata" JSONB,
    "provenance" JSONB,

    CONSTRAINT "dataset_version_items_pkey" PRIMARY KEY ("version_id","position")
);

-- CreateIndex
CREATE INDEX "review_items_project_id_status_priority_created_at_idx" ON "review_items"("project_id", "status", "priority" DESC, "created_at");

-- CreateIndex
CREATE INDEX "review_items_project_id_cluster_id_idx" ON "review_items"("project_id", "cluster_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_items_project_id_trace_id_key" ON "review_items"("project_id", "trace_id");

-- CreateIndex
CREATE INDEX "review_signals_item_id_idx" ON "review_signals"("item_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_signals_project_id_feedback_event_id_key" ON "review_signals"("project_id", "feedback_event_id");

-- CreateIndex
CREATE INDEX "annotations_project_id_annotator_id_idx" ON "annotations"("project_id", "annotator_id");

-- CreateIndex
CREATE UNIQUE INDEX "annotations_item_id_annotator_id_key" ON "annotations"("item_id", "annotator_id");

-- CreateIndex
CREATE INDEX "annotation_revisions_annotation_id_created_at_idx" ON "annotation_revisions"("annotation_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "datasets_project_id_name_key" ON "datasets"("project_id", "name");

-- CreateIndex
CREATE INDEX "dataset_items_project_id_dataset_id_created_at_idx" ON "dataset_items"("project_id", "dataset_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "dataset_items_dataset_id_external_id_key" ON "dataset_items"("dataset_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "dataset_versions_dataset_id_version_key" ON "dataset_versions"("dataset_id", "version");

-- AddForeignKey
ALTER TABLE "review_rules" ADD CONSTRAINT "review_rules_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_routing_states" ADD CONSTRAINT "review_routing_states_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_leased_by_id_fkey" FOREIGN KEY ("leased_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_signals" ADD CONSTRAINT "review_signals_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_signals" ADD CONSTRAINT "review_signals_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "review_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "review_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_annotator_id_fkey" FOREIGN KEY ("annotator_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_revisions" ADD CONSTRAINT "annotation_revisions_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_revisions" ADD CONSTRAINT "annotation_revisions_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_revisions" ADD CONSTRAINT "annotation_revisions_editor_id_fkey" FOREIGN KEY ("editor_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_items" ADD CONSTRAINT "dataset_items_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_items" ADD CONSTRAINT "dataset_items_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_versions" ADD CONSTRAINT "dataset_versions_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_versions" ADD CONSTRAINT "dataset_versions_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_version_items" ADD CONSTRAINT "dataset_version_items_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_version_items" ADD CONSTRAINT "dataset_version_items_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "dataset_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
