"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import type { ProjectSummary } from "@/contracts/projects";

export function ProjectSwitcher({ projects, currentId, canCreate }: { projects: ProjectSummary[]; currentId: string; canCreate: boolean }) {
  const router = useRouter();
  const id = useId();
  return (
    <div className="stack">
      <label htmlFor={id}>Project</label>
      <select
        id={id}
        value={currentId}
        onChange={(event) => {
          router.push(event.target.value === "new" ? "/projects/new" : `/projects/${event.target.value}`);
        }}
      >
        {projects.map((project) => (
          <option key={project.id} value={project.id}>
            {project.name}
          </option>
        ))}
        {canCreate ? <option value="new">+ New project…</option> : null}
      </select>
    </div>
  );
}
