"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { TabNav } from "@radix-ui/themes";

/** The settings sections as tabs, each its own URL, so a section can be linked to and reloaded. */
export function SettingsNav({ projectId, sections }: { projectId: string; sections: { slug: string; title: string }[] }) {
  const pathname = usePathname();
  return (
    <TabNav.Root aria-label="Settings sections" mb="5">
      {sections.map((section) => {
        const href = `/projects/${projectId}/settings/${section.slug}`;
        return (
          <TabNav.Link key={section.slug} asChild active={pathname === href}>
            <Link href={href} aria-current={pathname === href ? "page" : undefined}>
              {section.title}
            </Link>
          </TabNav.Link>
        );
      })}
    </TabNav.Root>
  );
}
