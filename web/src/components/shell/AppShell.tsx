import type { ReactNode } from "react";
import type { ProjectPageAccess } from "@/server/auth/projectAccess";
import { ProjectSwitcher } from "@/components/shell/ProjectSwitcher";
import { NavLink } from "@/components/shell/NavLink";
import { SignOutButton } from "@/components/auth/SignOutButton";

/** The console frame: project switcher, navigation to the pages that exist, who is signed in. */
export function AppShell({ access, children }: { access: ProjectPageAccess; children: ReactNode }) {
  const base = `/projects/${access.project.id}`;
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">Liveloop</div>
        <ProjectSwitcher projects={access.projects} currentId={access.project.id} canCreate={access.user.isInstanceAdmin} />
        <nav aria-label="Main">
          <NavLink href={base} exact>
            Overview
          </NavLink>
          <NavLink href={`${base}/traces`}>Traces</NavLink>
          <NavLink href={`${base}/sessions`}>Sessions</NavLink>
          <NavLink href={`${base}/metrics`}>Metrics</NavLink>
          <NavLink href={`${base}/review`}>Review</NavLink>
          <NavLink href={`${base}/datasets`}>Datasets</NavLink>
          <NavLink href={`${base}/settings`}>Settings</NavLink>
          <NavLink href="/demo">Demo chat</NavLink>
        </nav>
        <div className="stack" style={{ marginTop: "auto" }}>
          <span className="muted" data-testid="signed-in-as">
            {access.user.email} · {access.role}
          </span>
          <NavLink href="/account">Account</NavLink>
          <SignOutButton />
        </div>
      </aside>
      <main className="main">{children}</main>
    </div>
  );
}
