"use client";

import { useState, type SubmitEvent } from "react";
import { Badge, Box, Button, Flex, Heading, Select, Table, Text, TextField } from "@radix-ui/themes";
import { formText } from "@/components/ui/formData";
import type { Member } from "@/contracts/members";
import type { Invitation, IssuedLink } from "@/contracts/account";
import type { Role } from "@/server/auth/permissions";
import { roleLabel } from "@/components/ui/labels";
import { callApi } from "@/components/ui/apiClient";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { OneTimeLink } from "@/components/settings/OneTimeLink";
import { SettingsCard } from "@/components/settings/SettingsCard";
import { FormField } from "@/components/settings/FormField";
import { LabelledSelect } from "@/components/settings/LabelledSelect";
import { LockedNote } from "@/components/settings/LockedNote";

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
  const [inviteRole, setInviteRole] = useState<Role>(assignable.includes("annotator") ? "annotator" : (assignable[0] ?? "viewer"));
  const base = `/api/v1/projects/${projectId}`;
  const roleOptions = assignable.map((role) => ({ value: role, label: roleLabel[role] }));

  function invite(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { email: formText(new FormData(event.currentTarget), "email"), role: inviteRole };
    event.currentTarget.reset();
    void run(
      async () => {
        const result = await callApi<{ invitation: Invitation } & IssuedLink>("POST", `${base}/invitations`, input);
        setShown({
          purpose: "invitation",
          email: result.invitation.email,
          link: result.link,
          expiresAt: result.expiresAt,
          emailed: result.emailed,
        });
      },
      { success: `Invitation for ${input.email} created` },
    );
  }

  function issueReset(member: Member) {
    void run(async () => {
      const result = await callApi<IssuedLink>("POST", `${base}/members/${member.id}/password-reset`);
      setShown({ purpose: "reset", email: member.email, ...result });
    });
  }

  return (
    <SettingsCard id="members" title="Members" description="Who works on this project, and what their role lets them do.">
      {manageable ? null : <LockedNote>Admins only: owners and admins invite, remove and change roles.</LockedNote>}
      <Table.Root variant="surface">
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeaderCell>Email</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Role</Table.ColumnHeaderCell>
            {manageable ? <Table.ColumnHeaderCell>Actions</Table.ColumnHeaderCell> : null}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {members.map((member) => {
            const editable = manageable && member.userId !== currentUserId && assignable.includes(member.role);
            return (
              <Table.Row key={member.id} align="center">
                <Table.RowHeaderCell>
                  {member.email}
                  {member.userId === currentUserId ? (
                    <Text color="gray" size="1">
                      {" "}
                      (you)
                    </Text>
                  ) : null}
                </Table.RowHeaderCell>
                <Table.Cell>
                  {editable ? (
                    <Select.Root
                      size="1"
                      value={member.role}
                      disabled={busy}
                      onValueChange={(value) => {
                        const role = assignable.find((candidate) => candidate === value);
                        if (role) {
                          void run(() => callApi("PATCH", `${base}/members/${member.id}`, { role }), {
                            success: `${member.email} is now ${roleLabel[role]}`,
                          });
                        }
                      }}
                    >
                      <Select.Trigger aria-label={`Role of ${member.email}`} />
                      <Select.Content>
                        {assignable.map((role) => (
                          <Select.Item key={role} value={role}>
                            {roleLabel[role]}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select.Root>
                  ) : (
                    <Badge color={member.role === "owner" ? "indigo" : "gray"}>{roleLabel[member.role]}</Badge>
                  )}
                </Table.Cell>
                {manageable ? (
                  <Table.Cell>
                    <Flex gap="2" wrap="wrap">
                      {editable ? (
                        <Button
                          type="button"
                          size="1"
                          variant="soft"
                          color="red"
                          disabled={busy}
                          aria-label={`Remove ${member.email}`}
                          onClick={() =>
                            void run(() => callApi("DELETE", `${base}/members/${member.id}`), { success: `${member.email} removed` })
                          }
                        >
                          Remove
                        </Button>
                      ) : null}
                      {canResetPasswords && member.userId !== currentUserId ? (
                        <Button
                          type="button"
                          size="1"
                          variant="soft"
                          color="gray"
                          disabled={busy}
                          aria-label={`Password reset link for ${member.email}`}
                          onClick={() => {
                            issueReset(member);
                          }}
                        >
                          Reset link
                        </Button>
                      ) : null}
                    </Flex>
                  </Table.Cell>
                ) : null}
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table.Root>
      {manageable && !canResetPasswords ? (
        <LockedNote>Owners only: password reset links take over an account, so only owners issue them.</LockedNote>
      ) : null}
      {invitations.length > 0 ? (
        <Flex direction="column" gap="2">
          <Heading as="h3" size="3">
            Pending invitations
          </Heading>
          <Table.Root variant="surface">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>Email</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Role</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Expires</Table.ColumnHeaderCell>
                {manageable ? <Table.ColumnHeaderCell>Actions</Table.ColumnHeaderCell> : null}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {invitations.map((invitation) => (
                <Table.Row key={invitation.id} align="center">
                  <Table.RowHeaderCell>{invitation.email}</Table.RowHeaderCell>
                  <Table.Cell>{roleLabel[invitation.role]}</Table.Cell>
                  <Table.Cell>{new Date(invitation.expiresAt).toLocaleString()}</Table.Cell>
                  {manageable ? (
                    <Table.Cell>
                      <Button
                        type="button"
                        size="1"
                        variant="soft"
                        color="red"
                        disabled={busy}
                        aria-label={`Revoke invitation for ${invitation.email}`}
                        onClick={() =>
                          void run(() => callApi("DELETE", `${base}/invitations/${invitation.id}`), { success: "Invitation revoked" })
                        }
                      >
                        Revoke
                      </Button>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
        </Flex>
      ) : null}
      {manageable ? (
        <Box asChild>
          <form aria-label="Invite a member" onSubmit={invite}>
            <Flex gap="3" align="end" wrap="wrap">
              <FormField label="Email">
                <TextField.Root name="email" type="email" required placeholder="name@example.com" style={{ minWidth: 260 }} />
              </FormField>
              <LabelledSelect
                id="invite-role-label"
                label="Role"
                value={inviteRole}
                onChange={(value) => {
                  setInviteRole(assignable.find((role) => role === value) ?? inviteRole);
                }}
                options={roleOptions}
              />
              <Button type="submit" disabled={busy}>
                Invite
              </Button>
            </Flex>
          </form>
        </Box>
      ) : null}
      {shown ? (
        <OneTimeLink
          label={shown.purpose === "invitation" ? `Invitation link for ${shown.email}` : `Password reset link for ${shown.email}`}
          {...shown}
        />
      ) : null}
      <ErrorMessage error={error} />
    </SettingsCard>
  );
}
