import { redirect } from "next/navigation";
import { Callout } from "@radix-ui/themes";
import { InfoCircledIcon } from "@radix-ui/react-icons";
import { currentUser } from "@/server/auth/session";
import { AuthCard } from "@/components/accounts/AuthCard";
import { NewProjectForm } from "@/components/projects/NewProjectForm";

export const dynamic = "force-dynamic";

export default async function NewProjectPage() {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return (
    <AuthCard title="New project" description="A project holds one assistant's traces, feedback, reviews and datasets.">
      {user.isInstanceAdmin ? (
        <NewProjectForm />
      ) : (
        <Callout.Root color="blue">
          <Callout.Icon>
            <InfoCircledIcon />
          </Callout.Icon>
          <Callout.Text>Only instance administrators create projects on this Liveloop. Ask one to create it and invite you.</Callout.Text>
        </Callout.Root>
      )}
    </AuthCard>
  );
}
