import type { Database } from "@/server/db/client";
import type { Environment } from "@/env";
import { hashPassword } from "@/server/auth/passwords";
import { normaliseEmail } from "@/server/auth/signIn";
import { createApiKey, hashApiKey } from "@/server/keys/apiKeys";
import { ForbiddenError } from "@/server/errors";
import type { SetupInput } from "@/contracts/setup";
import { createDemoProject } from "@/server/demo/demoProject";
import { newFeedbackSigningSecret } from "@/server/feedback/feedbackTokens";

// Serialises concurrent set-up attempts across processes: only one can create the owner.
const setupLockId = 4_711_001;

export async function isSetupComplete(database: Database): Promise<boolean> {
  return (await database.user.count()) > 0;
}

/** Creates the first owner, their project and the /demo chat's project. Refused once any user exists. */
export async function completeSetup(database: Database, input: SetupInput): Promise<{ projectId: string; userId: string }> {
  const passwordHash = await hashPassword(input.password);
  return database.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${setupLockId})`;
    if ((await tx.user.count()) > 0) throw new ForbiddenError("Liveloop is already set up; sign in instead");
    const user = await tx.user.create({
      data: { email: normaliseEmail(input.email), name: input.name, passwordHash, isInstanceAdmin: true },
      select: { id: true },
    });
    const project = await tx.project.create({
      data: {
        name: input.projectName,
        feedbackSigningSecret: newFeedbackSigningSecret(),
        memberships: { create: { userId: user.id, role: "owner" } },
      },
      select: { id: true },
    });
    await createDemoProject(tx, user.id);
    return { projectId: project.id, userId: user.id };
  });
}

export type InitOutcome = "skipped" | "created" | "unchanged";

/**
 * Headless initialisation from LIVELOOP_INIT_*: creates the owner, the project and the
 * key pair when missing. Never overwrites: an existing user keeps their password, an
 * existing project its name, an existing key its project.
 */
export async function initialiseFromEnvironment(database: Database, env: Environment): Promise<InitOutcome> {
  const {
    LIVELOOP_INIT_USER_EMAIL,
    LIVELOOP_INIT_USER_PASSWORD,
    LIVELOOP_INIT_PROJECT_NAME,
    LIVELOOP_INIT_PUBLIC_KEY,
    LIVELOOP_INIT_SECRET_KEY,
  } = env;
  if (
    !LIVELOOP_INIT_USER_EMAIL ||
    !LIVELOOP_INIT_USER_PASSWORD ||
    !LIVELOOP_INIT_PROJECT_NAME ||
    !LIVELOOP_INIT_PUBLIC_KEY ||
    !LIVELOOP_INIT_SECRET_KEY
  ) {
    return "skipped";
  }
  const email = normaliseEmail(LIVELOOP_INIT_USER_EMAIL);
  const existingKeys = await database.apiKey.count({
    where: { secretHash: { in: [hashApiKey(LIVELOOP_INIT_PUBLIC_KEY), hashApiKey(LIVELOOP_INIT_SECRET_KEY)] } },
  });
  const existingUser = await database.user.findUnique({ where: { email }, select: { id: true } });
  if (existingKeys === 2 && existingUser) return "unchanged";
  const passwordHash = existingUser ? null : await hashPassword(LIVELOOP_INIT_USER_PASSWORD);
  await database.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${setupLockId})`;
    const user =
      (await tx.user.findUnique({ where: { email }, select: { id: true } })) ??
      (await tx.user.create({ data: { email, passwordHash, isInstanceAdmin: true }, select: { id: true } }));
    const project =
      (await tx.project.findFirst({
        where: { name: LIVELOOP_INIT_PROJECT_NAME, memberships: { some: { userId: user.id, role: "owner" } } },
        select: { id: true },
      })) ??
      (await tx.project.create({
        data: {
          name: LIVELOOP_INIT_PROJECT_NAME,
          feedbackSigningSecret: newFeedbackSigningSecret(),
          memberships: { create: { userId: user.id, role: "owner" } },
        },
        select: { id: true },
      }));
    for (const [kind, key] of [
      ["public", LIVELOOP_INIT_PUBLIC_KEY],
      ["secret", LIVELOOP_INIT_SECRET_KEY],
    ] as const) {
      const known = await tx.apiKey.findUnique({ where: { secretHash: hashApiKey(key) }, select: { id: true } });
      if (!known)
        await createApiKey(tx, project.id, {
          kind,
          name: `${kind} key (from LIVELOOP_INIT_${kind.toUpperCase()}_KEY)`,
          key,
          createdById: user.id,
        });
    }
  });
  return "created";
}
