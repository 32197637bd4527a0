import { randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import {
  guardrailSchema,
  rolloutCheckSchema,
  type Guardrail,
  type Rollout,
  type RolloutCheck,
  type RolloutEvent,
  type RolloutInput,
  type RolloutSplit,
} from "@/contracts/rollouts";
import type { Database, Queryable } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/client";
import { BadRequestError, ConflictError, NotFoundError } from "@/server/errors";
import { forgetRolloutSplit } from "@/server/releases/rolloutSplitCache";

export const rolloutSelect = {
  id: true,
  key: true,
  baseline: true,
  candidate: true,
  stages: true,
  minDwellSeconds: true,
  minSamples: true,
  guardrails: true,
  salt: true,
  stageIndex: true,
  candidateShare: true,
  state: true,
  stageStartedAt: true,
  lastCheck: true,
  createdAt: true,
  updatedAt: true,
  channels: { select: { channelId: true }, orderBy: { channelId: "asc" } },
} satisfies Prisma.RolloutSelect;
export type RolloutRow = Prisma.RolloutGetPayload<{ select: typeof rolloutSelect }>;

/** Guardrails as stored; rows are only written through the contract, so a bad one is a bug. */
export function storedGuardrails(row: Pick<RolloutRow, "guardrails">): Guardrail[] {
  return guardrailSchema.array().parse(row.guardrails);
}

function storedCheck(value: Prisma.JsonValue | null): RolloutCheck | null {
  if (value === null) return null;
  const parsed = rolloutCheckSchema.safeParse(value);
  // A check written by an older version is history, not worth failing a page over.
  return parsed.success ? parsed.data : null;
}

export function rolloutSplit(row: RolloutRow): RolloutSplit {
  return {
    key: row.key,
    baseline: row.baseline,
    candidate: row.candidate,
    candidateShare: row.candidateShare,
    salt: row.salt,
    stage: row.stageIndex,
    stages: row.stages,
    state: row.state,
  };
}

export function rolloutView(row: RolloutRow): Rollout {
  return {
    ...rolloutSplit(row),
    minDwellSeconds: row.minDwellSeconds,
    minSamples: row.minSamples,
    guardrails: storedGuardrails(row),
    channels: row.channels.map((channel) => channel.channelId),
    stageStartedAt: row.stageStartedAt.toISOString(),
    lastCheck: storedCheck(row.lastCheck),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The rollout with that key, or null. */
export function readRollout(database: Queryable, projectId: string, key: string): Promise<RolloutRow | null> {
  return database.rollout.findUnique({ where: { projectId_key: { projectId, key } }, select: rolloutSelect });
}

export const unknownRollout = (key: string) => new NotFoundError(`No rollout with key ${key} in this project`);

export async function findRollout(database: Queryable, projectId: string, key: string): Promise<RolloutRow> {
  const row = await readRollout(database, projectId, key);
  if (!row) throw unknownRollout(key);
  return row;
}

export async function listRollouts(database: Queryable, projectId: string): Promise<Rollout[]> {
  const rows = await database.rollout.findMany({ where: { projectId }, select: rolloutSelect, orderBy: { updatedAt: "desc" } });
  return rows.map(rolloutView);
}

// A-z and 0-9 only: the assignment's salt may not hold ":" (README, "Release assignment").
const newSalt = () => randomBytes(12).toString("hex");

/**
 * Starts a rollout at its first stage. A key whose last rollout has ended (rolled back or
 * completed) starts again with the new definition and a new salt, so users are split afresh;
 * one still running or paused is refused (409): roll it back or let it finish first.
 */
export async function createRollout(
  database: Database,
  projectId: string,
  input: RolloutInput,
  actor: string,
  now: Date,
): Promise<Rollout> {
  const channels = await database.alertChannel.findMany({ where: { projectId, id: { in: input.channels } }, select: { id: true } });
  const unknown = input.channels.filter((id) => !channels.some((channel) => channel.id === id));
  if (unknown.length) throw new BadRequestError(`No alert channel ${unknown.join(", ")} in this project`);
  const firstShare = input.stages[0] ?? 1;
  const definition = {
    baseline: input.baseline,
    candidate: input.candidate,
    stages: input.stages,
    minDwellSeconds: input.minDwellSeconds,
    minSamples: input.minSamples,
    guardrails: input.guardrails,
    salt: newSalt(),
    stageIndex: 0,
    candidateShare: firstShare,
    state: firstShare >= 1 ? ("completed" as const) : ("running" as const),
    stageStartedAt: now,
    checkedAt: null,
    lastCheck: Prisma.DbNull,
  };
  try {
    const row = await database.$transaction(async (tx) => {
      const existing = await tx.rollout.findUnique({
        where: { projectId_key: { projectId, key: input.key } },
        select: { id: true, state: true, candidateShare: true },
      });
      if (existing && (existing.state === "running" || existing.state === "paused"))
        throw new ConflictError(`Rollout ${input.key} is still ${existing.state}: roll it back or complete it before starting another`);
      const saved = existing
        ? await tx.rollout.update({
            where: { id: existing.id },
            data: { ...definition, channels: { deleteMany: {}, create: input.channels.map((channelId) => ({ channelId })) } },
            select: rolloutSelect,
          })
        : await tx.rollout.create({
            data: { projectId, key: input.key, ...definition, channels: { create: input.channels.map((channelId) => ({ channelId })) } },
            select: rolloutSelect,
          });
      await tx.rolloutEvent.create({
        data: {
          projectId,
          rolloutId: saved.id,
          at: now,
          action: "created",
          actor,
          fromShare: existing?.candidateShare ?? 0,
          toShare: saved.candidateShare,
          stageIndex: 0,
          reason: `Started: ${input.candidate} against ${input.baseline}`,
        },
      });
      return saved;
    });
    forgetRolloutSplit(projectId, input.key);
    return rolloutView(row);
  } catch (error) {
    // Two creations of a new key at once: the second finds the first's row.
    if (isUniqueViolation(error)) throw new ConflictError(`Rollout ${input.key} was just created; read it again`);
    throw error;
  }
}

export async function rolloutHistory(database: Queryable, projectId: string, key: string): Promise<RolloutEvent[]> {
  const rollout = await findRollout(database, projectId, key);
  const rows = await database.rolloutEvent.findMany({
    where: { projectId, rolloutId: rollout.id },
    orderBy: [{ at: "desc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map((row) => ({
    at: row.at.toISOString(),
    action: row.action,
    actor: row.actor,
    fromShare: row.fromShare,
    toShare: row.toShare,
    stage: row.stageIndex,
    reason: row.reason,
    evidence: storedCheck(row.evidence),
  }));
}
