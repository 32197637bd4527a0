import { describe, expect, it } from "vitest";
import { changeMemberRole, listMembers, removeMember } from "@/server/projects/members";
import { activeSessionUser, startSession } from "@/server/auth/authSessions";
import { ConflictError, ForbiddenError } from "@/server/errors";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { addMemberWithRole, createProjectWithKeys } from "@/test/factories";

const now = new Date("2026-11-27T10:00:00.000Z");

describe.each(await testDatabaseKinds())("project members on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("does not let an admin touch owners", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const [ownerMember] = await listMembers(test.database, project.id);
    await expect(removeMember(test.database, project.id, "admin", ownerMember?.id ?? "", now)).rejects.toThrow(ForbiddenError);
    await expect(changeMemberRole(test.database, project.id, "admin", ownerMember?.id ?? "", "viewer")).rejects.toThrow(ForbiddenError);
  });

  it("keeps at least one owner", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const [ownerMember] = await listMembers(test.database, project.id);
    const id = ownerMember?.id ?? "";
    await expect(changeMemberRole(test.database, project.id, "owner", id, "admin")).rejects.toThrow(ConflictError);
    await expect(removeMember(test.database, project.id, "owner", id, now)).rejects.toThrow(ConflictError);
    const second = await addMemberWithRole(test.database, project.id, "owner");
    await removeMember(test.database, project.id, "owner", id, now);
    expect((await listMembers(test.database, project.id)).map((m) => m.userId)).toEqual([second.id]);
  });

  it("changes a role", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const viewer = await addMemberWithRole(test.database, project.id, "viewer");
    const member = (await listMembers(test.database, project.id)).find((m) => m.userId === viewer.id);
    expect((await changeMemberRole(test.database, project.id, "admin", member?.id ?? "", "annotator")).role).toBe("annotator");
  });

  it("ends every session of someone removed from their last project, and only then", async () => {
    const first = await createProjectWithKeys(test.database);
    const second = await createProjectWithKeys(test.database);
    const annotator = await addMemberWithRole(test.database, first.project.id, "annotator");
    await test.database.membership.create({ data: { projectId: second.project.id, userId: annotator.id, role: "viewer" } });
    const sessions = [await startSession(test.database, annotator.id, now), await startSession(test.database, annotator.id, now)];
    const memberIn = async (projectId: string) =>
      (await listMembers(test.database, projectId)).find((m) => m.userId === annotator.id)?.id ?? "";

    await removeMember(test.database, first.project.id, "owner", await memberIn(first.project.id), now);
    for (const id of sessions) expect(await activeSessionUser(test.database, id, now)).toMatchObject({ id: annotator.id });

    await removeMember(test.database, second.project.id, "owner", await memberIn(second.project.id), now);
    for (const id of sessions) expect(await activeSessionUser(test.database, id, now)).toBeNull();
  });
});
