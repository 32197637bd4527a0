import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createApiRoute, type RouteDependencies, type RouteHandler, type RouteSpec } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import {
  acceptInvitationRoute,
  changePasswordRoute,
  completePasswordResetRoute,
  createInvitationRoute,
  memberPasswordResetRoute,
  registerWithInvitationRoute,
  signOutEverywhereRoute,
} from "@/server/accounts/accountRoutes";
import { activeSessionUser, startSession } from "@/server/auth/authSessions";
import { verifyCredentials } from "@/server/auth/signIn";
import { createProjectAsUser } from "@/server/projects/projects";
import { invitationTtlMs } from "@/server/accounts/invitations";
import { ForbiddenError } from "@/server/errors";
import type { Database } from "@/server/db/client";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { addMemberWithRole, createProjectWithKeys, createUser, uniqueEmail } from "@/test/factories";

const base = "http://liveloop.test";
const address = "192.0.2.10";

/** Runs a route spec through the real wrapper; the test's session header names a recorded session. */
function call(database: Database, now: Date) {
  const dependencies: RouteDependencies = {
    database: () => database,
    rateLimiter: () => createRateLimiter(100_000),
    sessionUser: (request) => {
      const sessionId = request.headers.get("x-test-session");
      return sessionId ? activeSessionUser(database, sessionId, now) : Promise.resolve(null);
    },
    now: () => now,
  };
  const apiRoute = createApiRoute(dependencies);
  return async <TBody, TQuery, TParams, TResult>(
    spec: RouteSpec<TBody, TQuery, TParams, TResult>,
    init: { method?: string; path?: string; session?: string; params?: Record<string, string>; body?: unknown },
  ) => {
    const handler: RouteHandler = apiRoute(spec);
    const headers: Record<string, string> = { "content-type": "application/json", host: "liveloop.test" };
    if (init.session) headers["x-test-session"] = init.session;
    const response = await handler(
      new NextRequest(`${base}${init.path ?? "/api/v1/test"}`, {
        method: init.method ?? "POST",
        headers,
        body: init.body === undefined ? null : JSON.stringify(init.body),
      }),
      { params: Promise.resolve(init.params ?? {}) },
    );
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> | null };
  };
}

const tokenOf = (link: unknown) => String(link).split("/").pop() ?? "";

describe.each(await testDatabaseKinds())("invitations and passwords on %s", (kind) => {
  const test = useTestDatabase(kind);
  const now = new Date("2026-11-27T10:00:00.000Z");

  async function ownerSession() {
    const fixture = await createProjectWithKeys(test.database);
    return { ...fixture, session: await startSession(test.database, fixture.owner.id, now) };
  }

  it("answers an invitation the same way whether or not the e-mail has an account, and never hands out a password", async () => {
    const { project, session } = await ownerSession();
    const existing = await createUser(test.database);
    const send = call(test.database, now);
    const answers = [];
    for (const email of [existing.email, uniqueEmail("newcomer")]) {
      const answer = await send(createInvitationRoute, { session, params: { projectId: project.id }, body: { email, role: "annotator" } });
      expect(answer.status).toBe(201);
      answers.push(answer.body);
    }
    const shape = (body: Record<string, unknown> | null) =>
      JSON.stringify(body, (key, value: unknown) => (typeof value === "string" ? typeof value : value));
    expect(shape(answers[0] ?? null)).toEqual(shape(answers[1] ?? null));
    expect(JSON.stringify(answers)).not.toMatch(/password/i);
    expect(String(answers[0]?.link)).toMatch(/^http:\/\/liveloop\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(answers[0]?.emailed).toBe(false);
    // Only the hash is kept: the link's token appears nowhere in the database.
    const stored = await test.database.invitation.findMany({ select: { tokenHash: true } });
    expect(stored.map((row) => row.tokenHash)).not.toContain(tokenOf(answers[0]?.link));
  });

  it("lets a newcomer choose their own password through the link, once", async () => {
    const { project, session } = await ownerSession();
    const send = call(test.database, now);
    const email = uniqueEmail("newcomer");
    const invited = await send(createInvitationRoute, { session, params: { projectId: project.id }, body: { email, role: "viewer" } });
    const token = tokenOf(invited.body?.link);
    const registered = await send(registerWithInvitationRoute, { body: { token, name: "New Person", password: "my own secret" } });
    expect(registered).toMatchObject({ status: 201, body: { projectId: project.id, email } });
    expect(await verifyCredentials(test.database, email, "my own secret", address, now)).toMatchObject({ ok: true });
    const again = await send(registerWithInvitationRoute, { body: { token, name: "Mallory", password: "attacker password" } });
    expect(again.status).toBe(404);
    expect(await verifyCredentials(test.database, email, "attacker password", address, now)).toMatchObject({ ok: false });
  });

  it("never sets the password of an existing account through an invitation; its owner accepts while signed in", async () => {
    const { project, session } = await ownerSession();
    const other = await createProjectWithKeys(test.database);
    const existing = await addMemberWithRole(test.database, other.project.id, "viewer");
    const send = call(test.database, now);
    const invited = await send(createInvitationRoute, {
      session,
      params: { projectId: project.id },
      body: { email: existing.email, role: "annotator" },
    });
    const token = tokenOf(invited.body?.link);

    const hijack = await send(registerWithInvitationRoute, { body: { token, name: "Mallory", password: "attacker password" } });
    expect(hijack.status).toBe(409);
    expect(await verifyCredentials(test.database, existing.email, "attacker password", address, now)).toMatchObject({ ok: false });
    expect(await verifyCredentials(test.database, existing.email, existing.password, address, now)).toMatchObject({ ok: true });

    const stranger = await addMemberWithRole(test.database, other.project.id, "viewer");
    const wrongPerson = await send(acceptInvitationRoute, {
      session: await startSession(test.database, stranger.id, now),
      body: { token },
    });
    expect(wrongPerson.status).toBe(403);

    const accepted = await send(acceptInvitationRoute, { session: await startSession(test.database, existing.id, now), body: { token } });
    expect(accepted).toMatchObject({ status: 200, body: { projectId: project.id } });
    expect(
      await test.database.membership.findFirst({ where: { projectId: project.id, userId: existing.id }, select: { role: true } }),
    ).toEqual({
      role: "annotator",
    });
  });

  it("refuses expired and revoked links, and invitations from those who may not invite or above their role", async () => {
    const { project, session } = await ownerSession();
    const send = call(test.database, now);
    const invited = await send(createInvitationRoute, {
      session,
      params: { projectId: project.id },
      body: { email: uniqueEmail(), role: "viewer" },
    });
    const later = call(test.database, new Date(now.getTime() + invitationTtlMs + 1));
    expect(
      (await later(registerWithInvitationRoute, { body: { token: tokenOf(invited.body?.link), name: "Late", password: "late password" } }))
        .status,
    ).toBe(404);

    const viewer = await addMemberWithRole(test.database, project.id, "viewer");
    const admin = await addMemberWithRole(test.database, project.id, "admin");
    const asViewer = await send(createInvitationRoute, {
      session: await startSession(test.database, viewer.id, now),
      params: { projectId: project.id },
      body: { email: uniqueEmail(), role: "viewer" },
    });
    expect(asViewer.status).toBe(403);
    const ownerByAdmin = await send(createInvitationRoute, {
      session: await startSession(test.database, admin.id, now),
      params: { projectId: project.id },
      body: { email: uniqueEmail(), role: "owner" },
    });
    expect(ownerByAdmin.status).toBe(403);
    expect(await test.database.invitation.count({ where: { projectId: project.id } })).toBe(1);
  });

  it("lets only instance administrators create projects", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const viewer = await addMemberWithRole(test.database, project.id, "viewer");
    const user = await activeSessionUser(test.database, await startSession(test.database, viewer.id, now), now);
    if (!user) throw new Error("the session was just started");
    const asViewer = { type: "session" as const, user, projectId: null, role: null };
    await expect(createProjectAsUser(test.database, asViewer, "Mine now")).rejects.toThrow(ForbiddenError);
    const asAdmin = { ...asViewer, user: { ...user, isInstanceAdmin: true } };
    expect(await createProjectAsUser(test.database, asAdmin, "Granted")).toMatchObject({ name: "Granted", role: "owner" });
  });

  it("issues an owner's reset link that works once and signs the member out everywhere", async () => {
    const { project, session } = await ownerSession();
    const annotator = await addMemberWithRole(test.database, project.id, "annotator");
    const annotatorSession = await startSession(test.database, annotator.id, now);
    const memberId = (await test.database.membership.findFirstOrThrow({ where: { userId: annotator.id }, select: { id: true } })).id;
    const send = call(test.database, now);

    const asAnnotator = await send(memberPasswordResetRoute, { session: annotatorSession, params: { projectId: project.id, memberId } });
    expect(asAnnotator.status).toBe(403);
    const issued = await send(memberPasswordResetRoute, { session, params: { projectId: project.id, memberId } });
    expect(issued.status).toBe(201);
    expect(String(issued.body?.link)).toContain("/reset-password/");
    const token = tokenOf(issued.body?.link);
    expect((await send(completePasswordResetRoute, { body: { token, newPassword: "brand new secret" } })).status).toBe(200);
    expect((await send(completePasswordResetRoute, { body: { token, newPassword: "second use fails" } })).status).toBe(404);
    expect(await verifyCredentials(test.database, annotator.email, "brand new secret", address, now)).toMatchObject({ ok: true });
    expect(await activeSessionUser(test.database, annotatorSession, now)).toBeNull();
  });

  it("does not let an owner reset someone who also belongs to a project they do not own", async () => {
    const { project, session } = await ownerSession();
    const elsewhere = await createProjectWithKeys(test.database);
    const shared = await addMemberWithRole(test.database, project.id, "viewer");
    await test.database.membership.create({ data: { projectId: elsewhere.project.id, userId: shared.id, role: "owner" } });
    const memberId = (
      await test.database.membership.findFirstOrThrow({ where: { userId: shared.id, projectId: project.id }, select: { id: true } })
    ).id;
    const answer = await call(test.database, now)(memberPasswordResetRoute, { session, params: { projectId: project.id, memberId } });
    expect(answer.status).toBe(403);
    expect(await test.database.passwordReset.count({ where: { userId: shared.id } })).toBe(0);
  });

  it("checks an owner's reset link again when it is used: joining a project the owner does not own voids it", async () => {
    const { project, session } = await ownerSession();
    const member = await addMemberWithRole(test.database, project.id, "viewer");
    const memberId = (await test.database.membership.findFirstOrThrow({ where: { userId: member.id }, select: { id: true } })).id;
    const send = call(test.database, now);
    const issued = await send(memberPasswordResetRoute, { session, params: { projectId: project.id, memberId } });
    expect(issued.status).toBe(201);
    const elsewhere = await createProjectWithKeys(test.database);
    await test.database.membership.create({ data: { projectId: elsewhere.project.id, userId: member.id, role: "owner" } });
    const used = await send(completePasswordResetRoute, { body: { token: tokenOf(issued.body?.link), newPassword: "owner takes over" } });
    expect(used.status).toBe(403);
    expect(await verifyCredentials(test.database, member.email, member.password, address, now)).toMatchObject({ ok: true });
  });

  it("retires open reset links when the person changes their password", async () => {
    const { project, session } = await ownerSession();
    const member = await addMemberWithRole(test.database, project.id, "annotator");
    const memberId = (await test.database.membership.findFirstOrThrow({ where: { userId: member.id }, select: { id: true } })).id;
    const send = call(test.database, now);
    const issued = await send(memberPasswordResetRoute, { session, params: { projectId: project.id, memberId } });
    const memberSession = await startSession(test.database, member.id, now);
    const changed = await send(changePasswordRoute, {
      session: memberSession,
      body: { currentPassword: member.password, newPassword: "my fresh secret" },
    });
    expect(changed.status).toBe(204);
    const used = await send(completePasswordResetRoute, { body: { token: tokenOf(issued.body?.link), newPassword: "stale link wins" } });
    expect(used.status).toBe(404);
    expect(await verifyCredentials(test.database, member.email, "my fresh secret", address, now)).toMatchObject({ ok: true });
  });

  it("changes a password with the current one, ending the other sessions but not this one", async () => {
    const { owner, session } = await ownerSession();
    const otherBrowser = await startSession(test.database, owner.id, now);
    const send = call(test.database, now);
    const wrong = await send(changePasswordRoute, { session, body: { currentPassword: "not it", newPassword: "a better secret" } });
    expect(wrong.status).toBe(400);
    expect(await activeSessionUser(test.database, otherBrowser, now)).not.toBeNull();
    const changed = await send(changePasswordRoute, { session, body: { currentPassword: owner.password, newPassword: "a better secret" } });
    expect(changed.status).toBe(204);
    expect(await activeSessionUser(test.database, otherBrowser, now)).toBeNull();
    expect(await activeSessionUser(test.database, session, now)).not.toBeNull();
    expect(await verifyCredentials(test.database, owner.email, "a better secret", address, now)).toMatchObject({ ok: true });
  });

  it("signs out everywhere, and a revoked session is refused like no session", async () => {
    const { owner, project, session } = await ownerSession();
    const otherBrowser = await startSession(test.database, owner.id, now);
    const send = call(test.database, now);
    expect(await send(signOutEverywhereRoute, { method: "DELETE", session })).toMatchObject({ status: 200, body: { revoked: 2 } });
    const after = await send(createInvitationRoute, {
      session: otherBrowser,
      params: { projectId: project.id },
      body: { email: uniqueEmail(), role: "viewer" },
    });
    expect(after.status).toBe(401);
  });
});
