import NextLink from "next/link";
import { Callout, Flex, Heading, Link, Separator, Strong, Text } from "@radix-ui/themes";
import { ExclamationTriangleIcon } from "@radix-ui/react-icons";
import type { InvitationView } from "@/server/accounts/invitations";
import type { SessionUser } from "@/server/auth/session";
import { roleLabel } from "@/components/ui/labels";
import { AuthCard } from "@/components/accounts/AuthCard";
import { AcceptInvitationButton, RegisterWithInvitationForm } from "@/components/accounts/InvitationForms";

/** The page an invitation link opens: who invited whom to what, and the way to accept that fits who is looking. */
export function InvitationPage({
  token,
  invitation,
  user,
}: {
  token: string;
  invitation: InvitationView | null;
  user: SessionUser | null;
}) {
  if (!invitation) {
    return (
      <AuthCard title="Invitation">
        <Callout.Root color="amber">
          <Callout.Icon>
            <ExclamationTriangleIcon />
          </Callout.Icon>
          <Callout.Text>
            This invitation link is invalid, expired, revoked or already used. Ask the person who invited you for a new one.
          </Callout.Text>
        </Callout.Root>
      </AuthCard>
    );
  }
  const signInHere = `/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`;
  return (
    <AuthCard
      title={`Join ${invitation.projectName}`}
      description={
        <>
          You are invited to <Strong>{invitation.projectName}</Strong> on Liveloop as <Strong>{roleLabel[invitation.role]}</Strong>. The
          invitation is for {invitation.email} and works until {new Date(invitation.expiresAt).toLocaleString()}.
        </>
      }
    >
      {user ? (
        user.email === invitation.email ? (
          <AcceptInvitationButton token={token} />
        ) : (
          <Callout.Root color="red" role="alert">
            <Callout.Icon>
              <ExclamationTriangleIcon />
            </Callout.Icon>
            <Callout.Text>
              You are signed in as {user.email}. Sign out, then open this link again to accept it as {invitation.email}.
            </Callout.Text>
          </Callout.Root>
        )
      ) : (
        <Flex direction="column" gap="4">
          <Heading as="h2" size="3">
            New to Liveloop?
          </Heading>
          <RegisterWithInvitationForm token={token} email={invitation.email} />
          <Separator size="4" />
          <Text size="2" color="gray">
            Already have an account?{" "}
            <Link asChild>
              <NextLink href={signInHere}>Sign in</NextLink>
            </Link>{" "}
            to accept.
          </Text>
        </Flex>
      )}
    </AuthCard>
  );
}
