"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { Flex, Select, Text } from "@radix-ui/themes";
import type { ProjectSummary } from "@/contracts/projects";

const newProject = "new";

export function ProjectSwitcher({ projects, currentId, canCreate }: { projects: ProjectSummary[]; currentId: string; canCreate: boolean }) {
  const router = useRouter();
  const id = useId();
  return (
    <Flex direction="column" gap="1">
      <Text as="label" size="1" color="gray" id={id}>
        Project
      </Text>
      <Select.Root
        value={currentId}
        onValueChange={(value) => {
          router.push(value === newProject ? "/projects/new" : `/projects/${value}`);
        }}
      >
        <Select.Trigger aria-labelledby={id} />
        <Select.Content position="popper">
          {projects.map((project) => (
            <Select.Item key={project.id} value={project.id}>
              {project.name}
            </Select.Item>
          ))}
          {canCreate ? (
            <>
              <Select.Separator />
              <Select.Item value={newProject}>+ New project…</Select.Item>
            </>
          ) : null}
        </Select.Content>
      </Select.Root>
    </Flex>
  );
}
