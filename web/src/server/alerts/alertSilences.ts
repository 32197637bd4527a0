import type { AlertSilence } from "@/generated/prisma/client";
import type { AlertSilenceInput } from "@/contracts/alerts";
import type { z } from "zod";
import type { alertSilenceSchema } from "@/contracts/alerts";
import type { Database, Queryable } from "@/server/db/client";
import { BadRequestError, NotFoundError } from "@/server/errors";

type AlertSilenceView = z.infer<typeof alertSilenceSchema>;

export function alertSilenceView(silence: AlertSilence): AlertSilenceView {
  return {
    id: silence.id,
    ruleId: silence.ruleId,
    group: silence.group,
    endsAt: silence.endsAt.toISOString(),
    reason: silence.reason,
    createdBy: silence.createdBy,
    createdAt: silence.createdAt.toISOString(),
  };
}

/** Silences in force at `now`, soonest to end first. */
export function activeAlertSilences(database: Queryable, projectId: string, now: Date): Promise<AlertSilence[]> {
  return database.alertSilence.findMany({ where: { projectId, endsAt: { gt: now } }, orderBy: { endsAt: "asc" } });
}

export async function listAlertSilences(database: Queryable, projectId: string, now: Date): Promise<AlertSilenceView[]> {
  return (await activeAlertSilences(database, projectId, now)).map(alertSilenceView);
}

/** Whether notifications of one instance are held back. */
export const silencedBy = (silences: readonly AlertSilence[], ruleId: string, group: string): boolean =>
  silences.some((silence) => (silence.ruleId === null || silence.ruleId === ruleId) && (silence.group === null || silence.group === group));

export async function createAlertSilence(
  database: Database,
  projectId: string,
  input: AlertSilenceInput,
  createdBy: string | null,
  now: Date,
): Promise<AlertSilenceView> {
  const endsAt = new Date(input.endsAt);
  if (endsAt <= now) throw new BadRequestError("endsAt must be in the future", [{ path: ["endsAt"], message: "must be in the future" }]);
  if (input.ruleId !== undefined && !(await database.alertRule.findFirst({ where: { id: input.ruleId, projectId }, select: { id: true } })))
    throw new BadRequestError("No such alert rule in this project", [{ path: ["ruleId"], message: "no such alert rule in this project" }]);
  const silence = await database.alertSilence.create({
    data: { projectId, ruleId: input.ruleId ?? null, group: input.group ?? null, endsAt, reason: input.reason, createdBy, createdAt: now },
  });
  return alertSilenceView(silence);
}

/** Ends a silence now (it stays in the past, so the record of who silenced what is kept). */
export async function endAlertSilence(database: Database, projectId: string, silenceId: string, now: Date): Promise<void> {
  const { count } = await database.alertSilence.updateMany({
    where: { id: silenceId, projectId, endsAt: { gt: now } },
    data: { endsAt: now },
  });
  if (count === 0) throw new NotFoundError("No silence in force with this id in this project");
}
