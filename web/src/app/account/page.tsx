import NextLink from "next/link";
import { redirect } from "next/navigation";
import { Flex, Heading, Link, Separator, Text } from "@radix-ui/themes";
import { ArrowLeftIcon } from "@radix-ui/react-icons";
import { currentUser } from "@/server/auth/session";
import { AuthCard } from "@/components/accounts/AuthCard";
import { ChangePasswordForm, SignOutEverywhereButton } from "@/components/accounts/AccountForms";

export const dynamic = "force-dynamic";

export default async function Account() {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return (
    <AuthCard title="Your account" description={`Signed in as ${user.email}`} maxWidth="520px">
      <Link asChild size="2">
        <NextLink href="/">
          <Flex align="center" gap="1" asChild>
            <span>
              <ArrowLeftIcon aria-hidden /> Back to the console
            </span>
          </Flex>
        </NextLink>
      </Link>
      <Separator size="4" />
      <Heading as="h2" size="4">
        Password
      </Heading>
      <ChangePasswordForm />
      <Separator size="4" />
      <Heading as="h2" size="4">
        Sessions
      </Heading>
      <Text as="p" size="2" color="gray">
        Lost a laptop, or signed in on a shared computer? End every session of your account, this one included.
      </Text>
      <SignOutEverywhereButton />
    </AuthCard>
  );
}
