import { createHmac } from "node:crypto";
import { createApiKey, hashApiKey } from "@/server/keys/apiKeys";
import { isUniqueViolation, type Database, type Queryable } from "@/server/db/client";

export const demoProjectName = "Demo chat";

/**
 * The demo's public key, derived from the instance secret instead of stored: keys are kept
 * only as hashes, yet the /demo page must hand this one to the browser on every visit.
 */
export function demoPublicKey(instanceSecret: string, projectId: string): string {
  return `pk_demo_${createHmac("sha256", instanceSecret).update(`liveloop demo public key:${projectId}`).digest("base64url").slice(0, 32)}`;
}

/** The demo project: feedback tokens required, to show the per-answer authorisation at work. */
export async function createDemoProject(tx: Queryable, ownerId: string): Promise<{ id: string }> {
  return tx.project.create({
    data: { name: demoProjectName, isDemo: true, requireFeedbackTokens: true, memberships: { create: { userId: ownerId, role: "owner" } } },
    select: { id: true },
  });
}

const demoKeyName = "Demo chat (browser)";

function findDemoProjectOf(database: Database, userId: string): Promise<{ id: string } | null> {
  return database.project.findFirst({
    where: { isDemo: true, memberships: { some: { userId } } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
}

export interface DemoProjectState {
  /** Null until the first question makes it (people invited later have none yet). */
  projectId: string | null;
  /** The key the page hands the widget; null when there is no project yet or the key was revoked. */
  publicKey: string | null;
  keyRevoked: boolean;
}

/**
 * What `ensureDemoProject` would answer, without writing: for the page, whose render must
 * not change anything. A key not made yet is still given (it is derived): the first
 * question makes it, before the widget can send any feedback for an answer.
 */
export async function findDemoProject(database: Database, userId: string, instanceSecret: string): Promise<DemoProjectState> {
  const project = await findDemoProjectOf(database, userId);
  if (!project) return { projectId: null, publicKey: null, keyRevoked: false };
  const publicKey = demoPublicKey(instanceSecret, project.id);
  const existing = await database.apiKey.findUnique({ where: { secretHash: hashApiKey(publicKey) }, select: { revokedAt: true } });
  const keyRevoked = existing
    ? existing.revokedAt !== null
    : (await database.apiKey.count({ where: { projectId: project.id, name: demoKeyName, revokedAt: { not: null } } })) > 0;
  return { projectId: project.id, publicKey: keyRevoked ? null : publicKey, keyRevoked };
}

/**
 * Whose demo project signed-out visitors use when the demo is public: the instance's first
 * administrator's (made at set-up), so the team sees the public's questions and feedback in
 * the console. Null before set-up.
 */
export async function publicDemoOwner(database: Database): Promise<string | null> {
  const owner = await database.user.findFirst({ where: { isInstanceAdmin: true }, orderBy: { createdAt: "asc" }, select: { id: true } });
  return owner?.id ?? null;
}

/**
 * The demo project the user belongs to (made for them if they have none) and its public
 * key, or null for the key when it was revoked. A revoked key stays revoked: the page
 * says so instead of bringing it back. The key is created only for a demo project that
 * never had one (or whose instance secret changed while its key was live).
 */
export async function ensureDemoProject(
  database: Database,
  userId: string,
  instanceSecret: string,
): Promise<{ projectId: string; publicKey: string | null }> {
  const project = (await findDemoProjectOf(database, userId)) ?? (await createDemoProject(database, userId));
  const publicKey = demoPublicKey(instanceSecret, project.id);
  const existing = await database.apiKey.findUnique({ where: { secretHash: hashApiKey(publicKey) }, select: { revokedAt: true } });
  if (existing) return { projectId: project.id, publicKey: existing.revokedAt ? null : publicKey };
  const revoked = await database.apiKey.count({ where: { projectId: project.id, name: demoKeyName, revokedAt: { not: null } } });
  if (revoked > 0) return { projectId: project.id, publicKey: null };
  // The demo page is served by the app itself, so its own origin is the only one it needs.
  await createApiKey(database, project.id, { kind: "public", name: demoKeyName, key: publicKey, allowedOrigins: [] }).catch(
    (error: unknown) => {
      // Two first visits at once: the other one made it.
      if (!isUniqueViolation(error)) throw error;
    },
  );
  return { projectId: project.id, publicKey };
}
