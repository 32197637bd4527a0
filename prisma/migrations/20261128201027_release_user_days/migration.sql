-- CreateTable
CREATE TABLE "release_user_days" (
    "project_id" UUID NOT NULL,
    "release" TEXT NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "user_id" TEXT NOT NULL,
    "first_seen" TIMESTAMPTZ(3) NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "release_user_days_pkey" PRIMARY KEY ("project_id","release","day","user_id")
);

-- CreateIndex
CREATE INDEX "release_user_days_project_id_user_id_day_idx" ON "release_user_days"("project_id", "user_id", "day");

-- AddForeignKey
ALTER TABLE "release_user_days" ADD CONSTRAINT "release_user_days_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill from the traces already stored: the rollup job refreshes only the users whose
-- traces change from now on, and a comparison would otherwise find no users before today.
INSERT INTO "release_user_days" ("project_id", "release", "day", "user_id", "first_seen", "last_seen")
SELECT "project_id", "release", date_trunc('day', "start_time", 'UTC'), "user_id", min("start_time"), max("start_time")
FROM "traces"
WHERE "release" IS NOT NULL AND "user_id" IS NOT NULL
GROUP BY 1, 2, 3, 4;
