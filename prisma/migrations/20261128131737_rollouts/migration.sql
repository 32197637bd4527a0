-- CreateEnum
CREATE TYPE "RolloutState" AS ENUM ('running', 'paused', 'rolled_back', 'completed');

-- CreateEnum
CREATE TYPE "RolloutAction" AS ENUM ('created', 'advanced', 'paused', 'resumed', 'rolled_back', 'completed');

-- AlterEnum
ALTER TYPE "AlertDeliveryKind" ADD VALUE 'rollout';

-- CreateTable
CREATE TABLE "rollouts" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "baseline" TEXT NOT NULL,
    "candidate" TEXT NOT NULL,
    "stages" DOUBLE PRECISION[],
    "min_dwell_seconds" INTEGER NOT NULL,
    "min_samples" INTEGER NOT NULL,
    "guardrails" JSONB NOT NULL,
    "salt" TEXT NOT NULL,
    "stage_index" INTEGER NOT NULL DEFAULT 0,
    "candidate_share" DOUBLE PRECISION NOT NULL,
    "state" "RolloutState" NOT NULL DEFAULT 'running',
    "stage_started_at" TIMESTAMPTZ(3) NOT NULL,
    "checked_at" TIMESTAMPTZ(3),
    "last_check" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rollouts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rollout_channels" (
    "rollout_id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,

    CONSTRAINT "rollout_channels_pkey" PRIMARY KEY ("rollout_id","channel_id")
);

-- CreateTable
CREATE TABLE "rollout_events" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "rollout_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "action" "RolloutAction" NOT NULL,
    "actor" TEXT NOT NULL,
    "from_share" DOUBLE PRECISION NOT NULL,
    "to_share" DOUBLE PRECISION NOT NULL,
    "stage_index" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "evidence" JSONB,

    CONSTRAINT "rollout_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rollouts_project_id_state_idx" ON "rollouts"("project_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "rollouts_project_id_key_key" ON "rollouts"("project_id", "key");

-- CreateIndex
CREATE INDEX "rollout_channels_channel_id_idx" ON "rollout_channels"("channel_id");

-- CreateIndex
CREATE INDEX "rollout_events_project_id_rollout_id_at_idx" ON "rollout_events"("project_id", "rollout_id", "at" DESC);

-- AddForeignKey
ALTER TABLE "rollouts" ADD CONSTRAINT "rollouts_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollout_channels" ADD CONSTRAINT "rollout_channels_rollout_id_fkey" FOREIGN KEY ("rollout_id") REFERENCES "rollouts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollout_channels" ADD CONSTRAINT "rollout_channels_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "alert_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollout_events" ADD CONSTRAINT "rollout_events_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollout_events" ADD CONSTRAINT "rollout_events_rollout_id_fkey" FOREIGN KEY ("rollout_id") REFERENCES "rollouts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
