import type { ReactNode } from "react";
import { Badge, Flex, Separator, Text } from "@radix-ui/themes";
import Link from "next/link";
import type { FiringAlerts } from "@/contracts/alerts";
import {
  ActivityLogIcon,
  BellIcon,
  BarChartIcon,
  ChatBubbleIcon,
  CheckboxIcon,
  DashboardIcon,
  GearIcon,
  LayersIcon,
  PersonIcon,
  RowsIcon,
  RocketIcon,
  ShuffleIcon,
} from "@radix-ui/react-icons";
import type { ProjectPageAccess } from "@/server/auth/projectAccess";
import { ProjectSwitcher } from "@/components/shell/ProjectSwitcher";
import { NavLink } from "@/components/shell/NavLink";
import { ThemeSwitch } from "@/components/shell/ThemeSwitch";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { BrandMark } from "@/components/shell/BrandMark";
import styles from "@/components/shell/AppShell.module.css";

/** The console's pages, in the order people reach for them; "/demo" is outside the project. */
const sections = [
  { path: "", label: "Overview", icon: <DashboardIcon /> },
  { path: "/traces", label: "Traces", icon: <ActivityLogIcon /> },
  { path: "/sessions", label: "Sessions", icon: <RowsIcon /> },
  { path: "/metrics", label: "Metrics", icon: <BarChartIcon /> },
  { path: "/drift", label: "Drift", icon: <ShuffleIcon /> },
  { path: "/alerts", label: "Alerts", icon: <BellIcon /> },
  { path: "/releases", label: "Releases", icon: <RocketIcon /> },
  { path: "/review", label: "Review", icon: <CheckboxIcon /> },
  { path: "/datasets", label: "Datasets", icon: <LayersIcon /> },
  { path: "/settings", label: "Settings", icon: <GearIcon /> },
  { path: "/demo", label: "Demo chat", icon: <ChatBubbleIcon /> },
] as const;

/** The console frame: project switcher, navigation to the pages that exist, who is signed in. */
export function AppShell({ access, firing, children }: { access: ProjectPageAccess; firing: FiringAlerts["data"]; children: ReactNode }) {
  const base = `/projects/${access.project.id}`;
  const critical = firing.filter((alert) => alert.severity === "critical").length;
  return (
    <div className={styles.shell}>
      <aside className={styles.sidebarColumn}>
        <div className={styles.sidebar}>
          <BrandMark />
          <ProjectSwitcher projects={access.projects} currentId={access.project.id} canCreate={access.user.isInstanceAdmin} />
          {firing.length ? (
            <Link
              href={`${base}/alerts`}
              data-testid="firing-alerts"
              title={firing.map((alert) => alert.ruleName + (alert.group ? ` (${alert.group})` : "")).join(", ")}
            >
              <Badge size="2" color={critical ? "red" : "amber"} variant="soft" highContrast>
                <BellIcon /> {firing.length} firing
              </Badge>
            </Link>
          ) : null}
          <nav aria-label="Main" className={styles.nav}>
            {sections.map(({ path, label, icon }) => (
              <NavLink key={label} href={path === "/demo" ? path : `${base}${path}`} exact={path === ""} icon={icon}>
                {label}
              </NavLink>
            ))}
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
        </div>
      </aside>
      <main className={styles.main}>{children}</main>
    </div>
  );
}
