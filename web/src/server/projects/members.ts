import { randomBytes } from "node:crypto";
import type { Database } from "@/server/db/client";
import { assignableRoles, type Role } from "@/server/auth/permissions";
import { hashPassword } from "@/server/auth/passwords";
import { normaliseEmail } from "@/server/auth/signIn";
import { ConflictError, ForbiddenError, NotFoundError } from "@/server/errors";
import type { AddMemberInput, Member } from "@/contracts/members";

const memberSelect = {
  id: true,
  userId: true,
  role: true,
  createdAt: true,
  user: { select: { email: true, name: true } },
} as const;

type MemberRow = { id: string; userId: string; role: Role; createdAt: Date; user: { email: string; name: string | null } };

function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    userId: row.userId,
    email: row.user.email,
    name: row.user.name,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listMembers(database: Database, projectId: string): Promise<Member[]> {
  const rows = await database.membership.findMany({ where: { projectId }, orderBy: { createdAt: "asc" }, select: memberSelect });
  return rows.map(toMember);
}

function assertMayAssign(actorRole: Role, role: Role): void {
  if (!assignableRoles(actorRole).includes(role)) throw new ForbiddenError(`A ${actorRole} cannot hand out the ${role} role`);
}

/**
 * Adds a person to the project. Someone without an account gets one with a temporary
 * password, returned this once so the inviter can pass it on (Liveloop sends no email).
 */
export async function addMember(
  database: Database,
  projectId: string,
  actorRole: Role,
  input: AddMemberInput,
): Promise<{ member: Member; temporaryPassword: string | null }> {
  assertMayAssign(actorRole, input.role);
  const email = normaliseEmail(input.email);
  const existing = await database.user.findUnique({ where: { email }, select: { id: true } });
  const temporaryPassword = existing ? null : randomBytes(12).toString("base64url");
  const passwordHash = temporaryPassword ? await hashPassword(temporaryPassword) : null;
  return database.$transaction(async (tx) => {
    const userId = existing?.id ?? (await tx.user.create({ data: { email, passwordHash }, select: { id: true } })).id;
    const already = await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId } }, select: { id: true } });
    if (already) throw new ConflictError(`${email} is already a member of this project`);
    const row = await tx.membership.create({ data: { projectId, userId, role: input.role }, select: memberSelect });
    return { member: toMember(row), temporaryPassword };
  });
}

async function findMember(database: Database, projectId: string, memberId: string): Promise<MemberRow> {
  const row = await database.membership.findFirst({ where: { id: memberId, projectId }, select: memberSelect });
  if (!row) throw new NotFoundError("No such member in this project");
  return row;
}

async function assertNotLastOwner(database: Database, projectId: string, member: MemberRow): Promise<void> {
  if (member.role !== "owner") return;
  const owners = await database.membership.count({ where: { projectId, role: "owner" } });
  if (owners <= 1) throw new ConflictError("A project needs at least one owner: make someone else owner first");
}

export async function changeMemberRole(
  database: Database,
  projectId: string,
  actorRole: Role,
  memberId: string,
  role: Role,
): Promise<Member> {
  const member = await findMember(database, projectId, memberId);
  assertMayAssign(actorRole, member.role);
  assertMayAssign(actorRole, role);
  if (role !== "owner") await assertNotLastOwner(database, projectId, member);
  const row = await database.membership.update({ where: { id: member.id }, data: { role }, select: memberSelect });
  return toMember(row);
}

export async function removeMember(database: Database, projectId: string, actorRole: Role, memberId: string): Promise<void> {
  const member = await findMember(database, projectId, memberId);
  assertMayAssign(actorRole, member.role);
  await assertNotLastOwner(database, projectId, member);
  await database.membership.delete({ where: { id: member.id } });
}
