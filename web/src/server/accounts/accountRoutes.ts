import type { NextRequest } from "next/server";
import { endpoint } from "@/server/api/endpoint";
import { memberCaller, signedInUser } from "@/server/api/caller";
import { projectIdParams } from "@/contracts/common";
import { memberParams } from "@/contracts/members";
import {
  acceptedInvitationSchema,
  acceptInvitationSchema,
  changePasswordSchema,
  completePasswordResetSchema,
  createdInvitationSchema,
  createInvitationSchema,
  invitationListSchema,
  invitationParams,
  issuedLinkSchema,
  registerWithInvitationSchema,
  signedOutSessionsSchema,
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

const delivery = (request: NextRequest) => ({ baseUrl: publicBaseUrl(request), mailer: mailer() });

export const invitationListRoute = endpoint({
  method: "GET",
  path: "/api/v1/projects/{projectId}/invitations",
  summary: "Pending invitations",
  auth: "session",
  permission: "members:read",
  params: projectIdParams,
  response: invitationListSchema,
  answers: "Invitations not yet accepted, revoked or expired",
  handler: async ({ database, params, now }) => ({ data: await listPendingInvitations(database, params.projectId, now) }),
});

export const createInvitationRoute = endpoint({
  method: "POST",
  path: "/api/v1/projects/{projectId}/invitations",
  summary: "Invite someone by e-mail: a single-use link, shown once (and e-mailed when SMTP_URL is set)",
  auth: "session",
  permission: "members:manage",
  params: projectIdParams,
  body: createInvitationSchema,
  status: 201,
  response: createdInvitationSchema,
  answers: "Invited",
  handler: ({ database, params, caller, body, request, now }) =>
    createInvitation(database, params.projectId, memberCaller(caller), body, delivery(request), now),
});

export const revokeInvitationRoute = endpoint({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/invitations/{invitationId}",
  summary: "Revoke a pending invitation",
  auth: "session",
  permission: "members:manage",
  params: invitationParams,
  answers: "Revoked",
  handler: ({ database, params, now }) => revokeInvitation(database, params.projectId, params.invitationId, now),
});

export const acceptInvitationRoute = endpoint({
  method: "POST",
  path: "/api/v1/invitations/accept",
  summary: "Accept an invitation sent to the signed-in person's e-mail",
  auth: "session",
  body: acceptInvitationSchema,
  response: acceptedInvitationSchema,
  answers: "Joined",
  handler: ({ database, caller, body, now }) => acceptInvitation(database, body.token, signedInUser(caller), now),
});

export const registerWithInvitationRoute = endpoint({
  method: "POST",
  path: "/api/v1/invitations/register",
  summary: "Accept an invitation by creating an account with one's own password",
  auth: "none",
  body: registerWithInvitationSchema,
  status: 201,
  response: acceptedInvitationSchema,
  answers: "Account created and joined",
  handler: ({ database, body, now }) => registerWithInvitation(database, body, now),
});

export const memberPasswordResetRoute = endpoint({
  method: "POST",
  path: "/api/v1/projects/{projectId}/members/{memberId}/password-reset",
  summary: "An owner's single-use password-reset link for a member (shown once, e-mailed when SMTP_URL is set)",
  auth: "session",
  permission: "members:reset-passwords",
  params: memberParams,
  status: 201,
  response: issuedLinkSchema,
  answers: "Issued",
  handler: ({ database, params, caller, request, now }) =>
    issueMemberPasswordReset(database, params.projectId, signedInUser(caller).id, params.memberId, delivery(request), now),
});

export const completePasswordResetRoute = endpoint({
  method: "POST",
  path: "/api/v1/password-resets",
  summary: "Set a new password through a reset link; ends every session of the account",
  auth: "none",
  body: completePasswordResetSchema,
  response: acceptedInvitationSchema.pick({ email: true }),
  answers: "Password set",
  handler: ({ database, body, now }) => completePasswordReset(database, body.token, body.newPassword, now),
});

export const changePasswordRoute = endpoint({
  method: "POST",
  path: "/api/v1/account/password",
  summary: "Change one's password; ends the account's other sessions",
  auth: "session",
  body: changePasswordSchema,
  answers: "Changed",
  handler: ({ database, caller, body, now }) => changePassword(database, signedInUser(caller), body, now),
});

export const signOutEverywhereRoute = endpoint({
  method: "DELETE",
  path: "/api/v1/account/sessions",
  summary: "Sign out everywhere: ends every session of the account, this one included",
  auth: "session",
  response: signedOutSessionsSchema,
  answers: "Signed out",
  handler: async ({ database, caller, now }) => ({ revoked: await revokeUserSessions(database, signedInUser(caller).id, now) }),
});

export const accountEndpoints = [
  invitationListRoute,
  createInvitationRoute,
  revokeInvitationRoute,
  acceptInvitationRoute,
  registerWithInvitationRoute,
  memberPasswordResetRoute,
  completePasswordResetRoute,
  changePasswordRoute,
  signOutEverywhereRoute,
] as const;
