import type { z } from "zod";
import type { NextRequest } from "next/server";
import type { RouteSpec } from "@/server/api/route";
import { memberCaller } from "@/server/api/caller";
import { ForbiddenError } from "@/server/errors";
import { projectIdParams } from "@/contracts/common";
import { memberParams } from "@/contracts/members";
import {
  acceptInvitationSchema,
  changePasswordSchema,
  completePasswordResetSchema,
  createInvitationSchema,
  invitationParams,
  registerWithInvitationSchema,
  type Invitation,
  type IssuedLink,
} from "@/contracts/account";
import {
  acceptInvitation,
  createInvitation,
  listPendingInvitations,
  registerWithInvitation,
  revokeInvitation,
} from "@/server/accounts/invitations";
import { completePasswordReset, issueMemberPasswordReset } from "@/server/accounts/passwordResets";
import { changePassword } from "@/server/accounts/passwordChange";
import { revokeUserSessions } from "@/server/auth/authSessions";
import { publicBaseUrl } from "@/server/accounts/publicUrl";
import { mailer } from "@/server/mail/mailer";
import type { Caller } from "@/server/api/route";

type ProjectParams = z.infer<typeof projectIdParams>;

function sessionOf(caller: Caller) {
  if (caller.type !== "session") throw new ForbiddenError("This endpoint is for signed-in people");
  return caller.user;
}

const delivery = (request: NextRequest) => ({ baseUrl: publicBaseUrl(request), mailer: mailer() });

/** GET /api/v1/projects/{projectId}/invitations: invitations not yet accepted, revoked or expired. */
export const invitationListRoute: RouteSpec<undefined, undefined, ProjectParams, { data: Invitation[] }> = {
  auth: "session",
  permission: "members:read",
  params: projectIdParams,
  handler: async ({ database, params, now }) => ({ data: await listPendingInvitations(database, params.projectId, now) }),
};

/** POST /api/v1/projects/{projectId}/invitations: a single-use link for the e-mail, shown once. */
export const createInvitationRoute: RouteSpec<
  z.infer<typeof createInvitationSchema>,
  undefined,
  ProjectParams,
  { invitation: Invitation } & IssuedLink
> = {
  auth: "session",
  permission: "members:manage",
  params: projectIdParams,
  body: createInvitationSchema,
  status: 201,
  handler: ({ database, params, caller, body, request, now }) => {
    const member = memberCaller(caller);
    return createInvitation(database, params.projectId, member, body, delivery(request), now);
  },
};

export const revokeInvitationRoute: RouteSpec<undefined, undefined, z.infer<typeof invitationParams>, void> = {
  auth: "session",
  permission: "members:manage",
  params: invitationParams,
  handler: ({ database, params, now }) => revokeInvitation(database, params.projectId, params.invitationId, now),
};

/** POST /api/v1/invitations/accept: the signed-in person joins the project they were invited to. */
export const acceptInvitationRoute: RouteSpec<
  z.infer<typeof acceptInvitationSchema>,
  undefined,
  Record<string, never>,
  { projectId: string; email: string }
> = {
  auth: "session",
  body: acceptInvitationSchema,
  handler: ({ database, caller, body, now }) => acceptInvitation(database, body.token, sessionOf(caller), now),
};

/** POST /api/v1/invitations/register: someone new sets their own name and password through the link. */
export const registerWithInvitationRoute: RouteSpec<
  z.infer<typeof registerWithInvitationSchema>,
  undefined,
  Record<string, never>,
  { projectId: string; email: string }
> = {
  auth: "none",
  body: registerWithInvitationSchema,
  status: 201,
  handler: ({ database, body, now }) => registerWithInvitation(database, body, now),
};

/** POST /api/v1/projects/{projectId}/members/{memberId}/password-reset: an owner's single-use reset link. */
export const memberPasswordResetRoute: RouteSpec<undefined, undefined, z.infer<typeof memberParams>, IssuedLink> = {
  auth: "session",
  permission: "members:reset-passwords",
  params: memberParams,
  status: 201,
  handler: ({ database, params, caller, request, now }) => {
    const user = sessionOf(caller);
    return issueMemberPasswordReset(database, params.projectId, user.id, params.memberId, delivery(request), now);
  },
};

/** POST /api/v1/password-resets: sets a new password through a reset link. */
export const completePasswordResetRoute: RouteSpec<
  z.infer<typeof completePasswordResetSchema>,
  undefined,
  Record<string, never>,
  { email: string }
> = {
  auth: "none",
  body: completePasswordResetSchema,
  handler: ({ database, body, now }) => completePasswordReset(database, body.token, body.newPassword, now),
};

/** POST /api/v1/account/password: the signed-in person changes their password. */
export const changePasswordRoute: RouteSpec<z.infer<typeof changePasswordSchema>, undefined, Record<string, never>, void> = {
  auth: "session",
  body: changePasswordSchema,
  handler: ({ database, caller, body, now }) => changePassword(database, sessionOf(caller), body, now),
};

/** DELETE /api/v1/account/sessions: signs the person out everywhere, this browser included. */
export const signOutEverywhereRoute: RouteSpec<undefined, undefined, Record<string, never>, { revoked: number }> = {
  auth: "session",
  handler: async ({ database, caller, now }) => ({ revoked: await revokeUserSessions(database, sessionOf(caller).id, now) }),
};
