import { describe, expect, it } from "vitest";
import { addMember, changeMemberRole, listMembers, removeMember } from "@/server/projects/members";
import { verifyCredentials } from "@/server/auth/signIn";
import { ConflictError, ForbiddenError } from "@/server/errors";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { addMemberWithRole, createProjectWithKeys, createUser, uniqueEmail } from "@/test/factories";

describe.each(await testDatabaseKinds())("project members on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("creates an account with a one-time password for a new email", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const email = uniqueEmail("new");
    const { member, temporaryPassword } = await addMember(test.database, project.id, "owner", {
      email: email.toUpperCase(),
      role: "annotator",
    });
    expect(member).toMatchObject({ email, role: "annotator" });
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await verifyCredentials(test.database, email, temporaryPassword ?? "", new Date())).toMatchObject({ ok: true });
  });

  it("adds an existing account without touching its password, and refuses a duplicate", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const existing = await createUser(test.database);
    expect((await addMember(test.database, project.id, "admin", { email: existing.email, role: "viewer" })).temporaryPassword).toBeNull();
    const before = await listMembers(test.database, project.id);
    await expect(addMember(test.database, project.id, "admin", { email: existing.email, role: "viewer" })).rejects.toThrow(ConflictError);
    expect(await listMembers(test.database, project.id)).toEqual(before);
  });

  it("does not let an admin create or touch owners", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await expect(addMember(test.database, project.id, "admin", { email: uniqueEmail(), role: "owner" })).rejects.toThrow(ForbiddenError);
    const [ownerMember] = await listMembers(test.database, project.id);
    await expect(removeMember(test.database, project.id, "admin", ownerMember?.id ?? "")).rejects.toThrow(ForbiddenError);
  });

  it("keeps at least one owner", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const [ownerMember] = await listMembers(test.database, project.id);
    const id = ownerMember?.id ?? "";
    await expect(changeMemberRole(test.database, project.id, "owner", id, "admin")).rejects.toThrow(ConflictError);
    await expect(removeMember(test.database, project.id, "owner", id)).rejects.toThrow(ConflictError);
    const second = await addMemberWithRole(test.database, project.id, "owner");
    await removeMember(test.database, project.id, "owner", id);
    expect((await listMembers(test.database, project.id)).map((m) => m.userId)).toEqual([second.id]);
  });

  it("changes a role", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const viewer = await addMemberWithRole(test.database, project.id, "viewer");
    const member = (await listMembers(test.database, project.id)).find((m) => m.userId === viewer.id);
    expect((await changeMemberRole(test.database, project.id, "admin", member?.id ?? "", "annotator")).role).toBe("annotator");
  });
});
