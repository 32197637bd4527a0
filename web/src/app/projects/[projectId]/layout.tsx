import type { ReactNode } from "react";
import { requireProjectPage } from "@/server/auth/projectAccess";
import { AppShell } from "@/components/shell/AppShell";

export const dynamic = "force-dynamic";

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  const access = await requireProjectPage((await params).projectId);
  return <AppShell access={access}>{children}</AppShell>;
}
