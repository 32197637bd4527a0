"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import styles from "@/components/shell/AppShell.module.css";

export function NavLink({ href, exact = false, icon, children }: { href: string; exact?: boolean; icon?: ReactNode; children: ReactNode }) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={active ? "page" : undefined} className={styles.navLink}>
      {icon}
      {children}
    </Link>
  );
}
