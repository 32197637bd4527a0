import { randomBytes, randomUUID } from "node:crypto";
import type { Database } from "@/server/db/client";
import { hashPassword } from "@/server/auth/passwords";
import { createApiKey } from "@/server/keys/apiKeys";
import type { Role } from "@/server/auth/permissions";
import type { SessionUser } from "@/server/auth/session";

export function uniqueEmail(label = "user"): string {
  return `${label}-${randomBytes(4).toString("hex")}@example.test`;
}

export async function createUser(database: Database, options: { email?: string; password?: string } = {}) {
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? "correct horse battery";
  const user = await database.user.create({ data: { email, passwordHash: await hashPassword(password) }, select: { id: true } });
  return { id: user.id, email, password };
}

/** A fresh project with an owner and one live key of each kind (never a shared seed). */
export async function createProjectWithKeys(database: Database, options: { allowedOrigins?: string[] } = {}) {
  const owner = await createUser(database, { email: uniqueEmail("owner") });
  const project = await database.project.create({
    data: { name: `Project ${randomBytes(3).toString("hex")}`, memberships: { create: { userId: owner.id, role: "owner" } } },
    select: { id: true, name: true },
  });
  const publicKey = await createApiKey(database, project.id, {
    kind: "public",
    name: "browser",
    allowedOrigins: options.allowedOrigins ?? ["https://chat.example.test"],
  });
  const secretKey = await createApiKey(database, project.id, { kind: "secret", name: "server" });
  return { project, owner, publicKey, secretKey };
}

export async function addMemberWithRole(database: Database, projectId: string, role: Role) {
  const user = await createUser(database, { email: uniqueEmail(role) });
  await database.membership.create({ data: { projectId, userId: user.id, role } });
  return user;
}

/** The session user a route wrapper test hands in for `user` (a member, not an instance administrator). */
export function signedIn(user: { id: string; email: string }): SessionUser {
  return { id: user.id, email: user.email, name: null, isInstanceAdmin: false, sessionId: randomUUID() };
}

/** A drift baseline row by name, without points or a fitted model: for tests that only read its runs. */
export function createBareDriftBaseline(database: Database, projectId: string, name: string) {
  return database.driftBaseline.create({
    data: {
      projectId,
      name,
      source: "dataset",
      field: "input",
      embedder: "lexstyle-v1",
      dimensions: 4,
      pointCount: 200,
      model: {},
      thresholds: {},
    },
    select: { id: true },
  });
}
