import type { Database } from "@/server/db/client";
import { assignableRoles, type Role } from "@/server/auth/permissions";
import { revokeUserSessions } from "@/server/auth/authSessions";
import { ConflictError, ForbiddenError, NotFoundError } from "@/server/errors";
import type { Member } from "@/contracts/members";

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

export function assertMayAssign(actorRole: Role, role: Role): void {
  if (!assignableRoles(actorRole).includes(role)) throw new ForbiddenError(`A ${actorRole} cannot hand out the ${role} role`);
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

/** Removes a member; someone left in no project at all is signed out everywhere too. */
export async function removeMember(database: Database, projectId: string, actorRole: Role, memberId: string, now: Date): Promise<void> {
  const member = await findMember(database, projectId, memberId);
  assertMayAssign(actorRole, member.role);
  await assertNotLastOwner(database, projectId, member);
  await database.$transaction(async (tx) => {
    // Removals of one person from different projects queue on their user row, so the last
    // one sees no membership left and ends the sessions (two at once could each see the other's).
    await tx.$executeRaw`SELECT 1 FROM users WHERE id = ${member.userId}::uuid FOR UPDATE`;
    await tx.membership.delete({ where: { id: member.id } });
    if ((await tx.membership.count({ where: { userId: member.userId } })) === 0) await revokeUserSessions(tx, member.userId, now);
  });
}
