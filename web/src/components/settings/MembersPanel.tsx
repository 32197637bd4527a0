"use client";

import { formText } from "@/components/ui/formData";
import { useState, type SubmitEvent } from "react";
import type { Member } from "@/contracts/members";
import type { Invitation, IssuedLink } from "@/contracts/account";
import type { Role } from "@/server/auth/permissions";
import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { OneTimeLink } from "@/components/settings/OneTimeLink";

interface Props {
  projectId: string;
  members: Member[];
  invitations: Invitation[];
  currentUserId: string;
  manageable: boolean;
  canResetPasswords: boolean;
  assignable: Role[];
}

/** A link shown once after it was issued, with who it is for. */
type ShownLink = IssuedLink & { purpose: "invitation" | "reset"; email: string };

export function MembersPanel({ projectId, members, invitations, currentUserId, manageable, canResetPasswords, assignable }: Props) {
  const { run, error, busy } = useMutation();
  const [shown, setShown] = useState<ShownLink | null>(null);
  const base = `/api/v1/projects/${projectId}`;

  function invite(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { email: formText(form, "email"), role: formText(form, "role") };
    event.currentTarget.reset();
    void run(async () => {
      const result = await callApi<{ invitation: Invitation } & IssuedLink>("POST", `${base}/invitations`, input);
      setShown({
        purpose: "invitation",
        email: result.invitation.email,
        link: result.link,
        expiresAt: result.expiresAt,
        emailed: result.emailed,
      });
    });
  }

  function issueReset(member: Member) {
    void run(async () => {
      const result = await callApi<IssuedLink>("POST", `${base}/members/${member.id}/password-reset`);
      setShown({ purpose: "reset", email: member.email, ...result });
    });
  }

  return (
    <section className="panel" aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            {manageable ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const editable = manageable && member.userId !== currentUserId && assignable.includes(member.role);
            return (
              <tr key={member.id}>
                <td>{member.email}</td>
                <td>
                  {editable ? (
                    <select
                      aria-label={`Role of ${member.email}`}
                      value={member.role}
                      disabled={busy}
                      onChange={(event) => void run(() => callApi("PATCH", `${base}/members/${member.id}`, { role: event.target.value }))}
                    >
                      {assignable.map((role) => (
                        <option key={role}>{role}</option>
                      ))}
                    </select>
                  ) : (
                    member.role
                  )}
                </td>
                {manageable ? (
                  <td>
                    <div className="row">
                      {editable ? (
                        <button
                          type="button"
                          className="danger"
                          disabled={busy}
                          onClick={() => void run(() => callApi("DELETE", `${base}/members/${member.id}`))}
                        >
                          Remove {member.email}
                        </button>
                      ) : null}
                      {canResetPasswords && member.userId !== currentUserId ? (
                        <button
                          type="button"
                          disabled={busy}
                          onClick={() => {
                            issueReset(member);
                          }}
                        >
                          Password reset link for {member.email}
                        </button>
                      ) : null}
                    </div>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {invitations.length > 0 ? (
        <>
          <h3>Pending invitations</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Expires</th>
                {manageable ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td>{invitation.email}</td>
                  <td>{invitation.role}</td>
                  <td>{new Date(invitation.expiresAt).toLocaleString()}</td>
                  {manageable ? (
                    <td>
                      <button
                        type="button"
                        className="danger"
                        disabled={busy}
                        onClick={() => void run(() => callApi("DELETE", `${base}/invitations/${invitation.id}`))}
                      >
                        Revoke invitation for {invitation.email}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {manageable ? (
        <form className="row" aria-label="Invite a member" onSubmit={invite} style={{ marginTop: "1rem" }}>
          <label>
            Email
            <input name="email" type="email" required />
          </label>
          <label>
            Role
            <select name="role" defaultValue="annotator">
              {assignable.map((role) => (
                <option key={role}>{role}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={busy}>
            Invite
          </button>
        </form>
      ) : null}
      {shown ? (
        <OneTimeLink
          label={shown.purpose === "invitation" ? `Invitation link for ${shown.email}` : `Password reset link for ${shown.email}`}
          {...shown}
        />
      ) : null}
      <ErrorMessage error={error} />
    </section>
  );
}
