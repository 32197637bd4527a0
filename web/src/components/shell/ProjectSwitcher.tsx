"use client";

import { useRouter } from "next/navigation";
import type { ProjectSummary } from "@/contracts/projects";

export function ProjectSwitcher({ projects, currentId }: { projects: ProjectSummary[]; currentId: string }) {
  const router = useRouter();
  return (
    <label>
      Project
      <select
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
        <option value="new">+ New project…</option>
      </select>
    </label>
  );
}
