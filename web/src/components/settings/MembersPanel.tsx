"use client";

import { formText } from "@/components/ui/formData";
import { useState, type SubmitEvent } from "react";
import type { Member } from "@/contracts/members";
import type { Role } from "@/server/auth/permissions";
import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";

interface Props {
  projectId: string;
  members: Member[];
  currentUserId: string;
  manageable: boolean;
  assignable: Role[];
}

export function MembersPanel({ projectId, members, currentUserId, manageable, assignable }: Props) {
  const { run, error, busy } = useMutation();
  const [invite, setInvite] = useState<{ email: string; password: string } | null>(null);
  const base = `/api/v1/projects/${projectId}/members`;

  function add(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { email: formText(form, "email"), role: formText(form, "role") };
    event.currentTarget.reset();
    void run(async () => {
      const result = await callApi<{ member: Member; temporaryPassword: string | null }>("POST", base, input);
      setInvite(result.temporaryPassword ? { email: result.member.email, password: result.temporaryPassword } : null);
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
                      onChange={(event) => void run(() => callApi("PATCH", `${base}/${member.id}`, { role: event.target.value }))}
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
                    {editable ? (
                      <button
                        type="button"
                        className="danger"
                        disabled={busy}
                        onClick={() => void run(() => callApi("DELETE", `${base}/${member.id}`))}
                      >
                        Remove {member.email}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {manageable ? (
        <form className="row" onSubmit={add} style={{ marginTop: "1rem" }}>
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
            Add member
          </button>
        </form>
      ) : null}
      {invite ? (
        <div role="status" className="stack" style={{ marginTop: "1rem" }}>
          <p>Account created for {invite.email}. Give them this temporary password; it is not shown again:</p>
          <code className="secret" data-testid="temporary-password">
            {invite.password}
          </code>
        </div>
      ) : null}
      <ErrorMessage error={error} />
    </section>
  );
}
