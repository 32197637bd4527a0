-- CreateEnum
CREATE TYPE "AlertChannelType" AS ENUM ('webhook', 'slack', 'email');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('ok', 'pending', 'firing', 'recovering', 'no_data', 'error');

-- CreateEnum
CREATE TYPE "AlertSeverity" AS ENUM ('warning', 'critical');

-- CreateEnum
CREATE TYPE "AlertDeliveryKind" AS ENUM ('firing', 'resolved', 'reminder', 'test');

-- CreateEnum
CREATE TYPE "AlertDeliveryStatus" AS ENUM ('pending', 'delivered', 'failed');

-- CreateTable
CREATE TABLE "alert_channels" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" "AlertChannelType" NOT NULL,
    "url" TEXT,
    "recipients" TEXT[],
    "secret" TEXT,
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "last_delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_rules" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "filter" JSONB NOT NULL DEFAULT '{}',
    "group_by" TEXT,
    "window_seconds" INTEGER NOT NULL,
    "condition" JSONB NOT NULL,
    "for_seconds" INTEGER NOT NULL,
    "keep_firing_for_seconds" INTEGER NOT NULL DEFAULT 0,
    "min_samples" INTEGER NOT NULL DEFAULT 30,
    "severity" "AlertSeverity" NOT NULL DEFAULT 'critical',
    "reminder_seconds" INTEGER,
    "preset" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "evaluated_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_rule_channels" (
    "rule_id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,

    CONSTRAINT "alert_rule_channels_pkey" PRIMARY KEY ("rule_id","channel_id")
);

-- CreateTable
CREATE TABLE "alert_instances" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "rule_id" UUID NOT NULL,
    "group" TEXT NOT NULL DEFAULT '',
    "state" "AlertState" NOT NULL,
    "severity" "AlertSeverity",
    "value" DOUBLE PRECISION,
    "compared" DOUBLE PRECISION,
    "samples" INTEGER,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "warning_since" TIMESTAMPTZ(3),
    "critical_since" TIMESTAMPTZ(3),
    "recovering_since" TIMESTAMPTZ(3),
    "notified_severity" "AlertSeverity",
    "notified_at" TIMESTAMPTZ(3),
    "evaluated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_instances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_events" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "rule_id" UUID NOT NULL,
    "group" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMPTZ(3) NOT NULL,
    "from_state" "AlertState" NOT NULL,
    "to_state" "AlertState" NOT NULL,
    "severity" "AlertSeverity",
    "value" DOUBLE PRECISION,
    "compared" DOUBLE PRECISION,
    "samples" INTEGER,
    "level" DOUBLE PRECISION,

    CONSTRAINT "alert_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_silences" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "rule_id" UUID,
    "group" TEXT,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_silences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_deliveries" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "rule_id" UUID,
    "kind" "AlertDeliveryKind" NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "AlertDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "last_status" INTEGER,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "alert_channels_project_id_name_key" ON "alert_channels"("project_id", "name");

-- CreateIndex
CREATE INDEX "alert_rules_project_id_enabled_idx" ON "alert_rules"("project_id", "enabled");

-- CreateIndex
CREATE UNIQUE INDEX "alert_rules_project_id_name_key" ON "alert_rules"("project_id", "name");

-- CreateIndex
CREATE INDEX "alert_rule_channels_channel_id_idx" ON "alert_rule_channels"("channel_id");

-- CreateIndex
CREATE INDEX "alert_instances_project_id_state_idx" ON "alert_instances"("project_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "alert_instances_rule_id_group_key" ON "alert_instances"("rule_id", "group");

-- CreateIndex
CREATE INDEX "alert_events_project_id_rule_id_at_idx" ON "alert_events"("project_id", "rule_id", "at" DESC);

-- CreateIndex
CREATE INDEX "alert_events_project_id_at_idx" ON "alert_events"("project_id", "at" DESC);

-- CreateIndex
CREATE INDEX "alert_silences_project_id_ends_at_idx" ON "alert_silences"("project_id", "ends_at");

-- CreateIndex
CREATE INDEX "alert_deliveries_status_next_attempt_at_idx" ON "alert_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "alert_deliveries_project_id_rule_id_created_at_idx" ON "alert_deliveries"("project_id", "rule_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "alert_deliveries_channel_id_created_at_idx" ON "alert_deliveries"("channel_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "alert_channels" ADD CONSTRAINT "alert_channels_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rule_channels" ADD CONSTRAINT "alert_rule_channels_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rule_channels" ADD CONSTRAINT "alert_rule_channels_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "alert_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_instances" ADD CONSTRAINT "alert_instances_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_instances" ADD CONSTRAINT "alert_instances_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_silences" ADD CONSTRAINT "alert_silences_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_silences" ADD CONSTRAINT "alert_silences_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "alert_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;
