-- CreateTable
CREATE TABLE "trace_moves" (
    "id" BIGSERIAL NOT NULL,
    "project_id" UUID NOT NULL,
    "start_time" TIMESTAMPTZ(3) NOT NULL,
    "user_id" TEXT,
    "moved_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "trace_moves_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "trace_moves_project_id_moved_at_idx" ON "trace_moves"("project_id", "moved_at");

-- AddForeignKey
ALTER TABLE "trace_moves" ADD CONSTRAINT "trace_moves_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rows left behind by traces re-sent under another user id, without one, or on another
-- day before their moves were recorded: rebuilt from the traces, as the backfill of
-- 20261128201027_release_user_days built them (a stale row counts a user twice in the
-- sample-ratio check, which can roll a good rollout back).
DELETE FROM "release_user_days";
INSERT INTO "release_user_days" ("project_id", "release", "day", "user_id", "first_seen", "last_seen")
SELECT "project_id", "release", date_trunc('day', "start_time", 'UTC'), "user_id", min("start_time"), max("start_time")
FROM "traces"
WHERE "release" IS NOT NULL AND "user_id" IS NOT NULL
GROUP BY 1, 2, 3, 4;
