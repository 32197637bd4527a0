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

/**
 * The demo project the user belongs to (made for them if they have none) and its public
 * key, recreated if it was revoked or the instance secret changed.
 */
export async function ensureDemoProject(
  database: Database,
  userId: string,
  instanceSecret: string,
): Promise<{ projectId: string; publicKey: string }> {
  const project =
    (await database.project.findFirst({
      where: { isDemo: true, memberships: { some: { userId } } },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    })) ?? (await createDemoProject(database, userId));
  const publicKey = demoPublicKey(instanceSecret, project.id);
  const secretHash = hashApiKey(publicKey);
  const existing = await database.apiKey.findUnique({ where: { secretHash }, select: { revokedAt: true } });
  if (!existing) {
    // The demo page is served by the app itself, so its own origin is the only one it needs.
    await createApiKey(database, project.id, { kind: "public", name: "Demo chat (browser)", key: publicKey, allowedOrigins: [] }).catch(
      (error: unknown) => {
        // Two first visits at once: the other one made it.
        if (!isUniqueViolation(error)) throw error;
      },
    );
  } else if (existing.revokedAt) {
    await database.apiKey.update({ where: { secretHash }, data: { revokedAt: null } });
  }
  return { projectId: project.id, publicKey };
}
