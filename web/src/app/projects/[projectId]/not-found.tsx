"use client";

import { useParams } from "next/navigation";
import { NotFoundPanel } from "@/components/ui/NotFoundPanel";

/**
 * Inside the console shell: an unknown trace, review item, session or dataset in a project
 * the person belongs to. (An unknown project has no shell to show, so it reaches the root 404.)
 */
export default function ProjectNotFound() {
  const { projectId } = useParams<{ projectId: string }>();
  return <NotFoundPanel what="Page" backHref={`/projects/${projectId}`} backLabel="Back to the project overview" />;
}
