import type { Role } from "@/server/auth/permissions";
import { ForbiddenError } from "@/server/errors";
import type { Caller } from "@/server/api/route";
import type { SessionUser } from "@/server/auth/session";

/** The signed-in person behind a project-scoped call, with their role there. */
export function memberCaller(caller: Caller): { userId: string; role: Role; projectId: string } {
  if (caller.type !== "session" || !caller.role || !caller.projectId) throw new ForbiddenError("This endpoint is for signed-in members");
  return { userId: caller.user.id, role: caller.role, projectId: caller.projectId };
}

export function signedInUser(caller: Caller): SessionUser {
  if (caller.type !== "session") throw new ForbiddenError("This endpoint is for signed-in people");
  return caller.user;
}

export function signedInUserId(caller: Caller): string {
  return signedInUser(caller).id;
}

/** The project a call acts on: the key's project, or the project in the path for a member. */
export function callerProjectId(caller: Caller): string {
  if (caller.type === "key") return caller.projectId;
  if (caller.type === "session" && caller.projectId) return caller.projectId;
  throw new ForbiddenError("This endpoint acts on a project: use an API key or a project path");
}

/** Who did it, for a history: the member's e-mail, or "API key". */
export function callerActor(caller: Caller): string {
  return caller.type === "session" ? caller.user.email : "API key";
}
