import type { ReactNode } from "react";
import { Flex, Separator, Text } from "@radix-ui/themes";
import {
  ActivityLogIcon,
  BarChartIcon,
  ChatBubbleIcon,
  CheckboxIcon,
  DashboardIcon,
  GearIcon,
  LayersIcon,
  PersonIcon,
  RowsIcon,
} from "@radix-ui/react-icons";
import type { ProjectPageAccess } from "@/server/auth/projectAccess";
import { ProjectSwitcher } from "@/components/shell/ProjectSwitcher";
import { NavLink } from "@/components/shell/NavLink";
import { ThemeSwitch } from "@/components/shell/ThemeSwitch";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { BrandMark } from "@/components/shell/BrandMark";
import styles from "@/components/shell/AppShell.module.css";

/** The console frame: project switcher, navigation to the pages that exist, who is signed in. */
export function AppShell({ access, children }: { access: ProjectPageAccess; children: ReactNode }) {
  const base = `/projects/${access.project.id}`;
  return (
    <div className={styles.shell}>
      <aside className={styles.sidebar}>
        <BrandMark />
        <ProjectSwitcher projects={access.projects} currentId={access.project.id} canCreate={access.user.isInstanceAdmin} />
        <nav aria-label="Main" className={styles.nav}>
          <NavLink href={base} exact icon={<DashboardIcon />}>
            Overview
          </NavLink>
          <NavLink href={`${base}/traces`} icon={<ActivityLogIcon />}>
            Traces
          </NavLink>
          <NavLink href={`${base}/sessions`} icon={<RowsIcon />}>
            Sessions
          </NavLink>
          <NavLink href={`${base}/metrics`} icon={<BarChartIcon />}>
            Metrics
          </NavLink>
          <NavLink href={`${base}/review`} icon={<CheckboxIcon />}>
            Review
          </NavLink>
          <NavLink href={`${base}/datasets`} icon={<LayersIcon />}>
            Datasets
          </NavLink>
          <NavLink href={`${base}/settings`} icon={<GearIcon />}>
            Settings
          </NavLink>
          <NavLink href="/demo" icon={<ChatBubbleIcon />}>
            Demo chat
          </NavLink>
        </nav>
        <Flex direction="column" gap="2" mt="auto">
          <Separator size="4" />
          <Text size="1" color="gray" data-testid="signed-in-as" className={styles.who}>
            {access.user.email} · {access.role}
          </Text>
          <NavLink href="/account" icon={<PersonIcon />}>
            Account
          </NavLink>
          <ThemeSwitch />
          <SignOutButton />
        </Flex>
      </aside>
      <main className={styles.main}>{children}</main>
    </div>
  );
}
