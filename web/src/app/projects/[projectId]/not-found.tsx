"use client";

import { useParams, usePathname } from "next/navigation";
import { NotFoundPanel } from "@/components/ui/NotFoundPanel";

/** What an unknown id under each part of a project is, and the list to go back to. */
const parts = [
  { segment: "traces", what: "Trace", back: "Back to the traces" },
  { segment: "sessions", what: "Session", back: "Back to the sessions" },
  { segment: "review", what: "Review item", back: "Back to the review queue" },
  { segment: "datasets", what: "Dataset", back: "Back to the datasets" },
  { segment: "settings", what: "Settings section", back: "Back to the settings" },
] as const;

/**
 * Inside the console shell: an unknown trace, review item, session or settings section in
 * a project the person belongs to. (An unknown project has no shell to show, so it reaches
 * the root 404.)
 */
export default function ProjectNotFound() {
  const { projectId } = useParams<{ projectId: string }>();
  const base = `/projects/${projectId}`;
  const segment = usePathname().slice(base.length).split("/")[1];
  const part = parts.find((candidate) => candidate.segment === segment);
  return part ? (
    <NotFoundPanel what={part.what} backHref={`${base}/${part.segment}`} backLabel={part.back} />
  ) : (
    <NotFoundPanel what="Page" backHref={base} backLabel="Back to the project overview" />
  );
}
