"use client";

import { useState } from "react";
import { Badge, Button, Code, Flex, SegmentedControl, Table, Text, VisuallyHidden } from "@radix-ui/themes";
import { callApi } from "@/components/ui/apiClient";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { formatTime } from "@/components/traces/format";
import { SettingsCard } from "@/components/settings/SettingsCard";
import { TableCaption } from "@/components/settings/TableCaption";
import { useMutation } from "@/components/settings/useMutation";
import { jobFilters, jobStateFilters, type JobFilter, type JobList, type JobState, type JobView } from "@/contracts/jobs";

const filterLabel: Record<JobFilter, string> = {
  current: "Current",
  queued: "Queued",
  active: "Active",
  failed: "Failed",
  completed: "Completed",
};

const stateBadge: Record<JobState, { label: string; color: "gray" | "blue" | "red" | "green" | "amber" }> = {
  created: { label: "Queued", color: "gray" },
  retry: { label: "Waiting to retry", color: "amber" },
  active: { label: "Running", color: "blue" },
  completed: { label: "Completed", color: "green" },
  cancelled: { label: "Cancelled", color: "gray" },
  failed: { label: "Failed", color: "red" },
};

const time = (iso: string | null) => (iso ? formatTime(iso) : "—");

function JobError({ error }: { error: NonNullable<JobView["error"]> }) {
  return (
    <Flex direction="column" gap="1" style={{ maxWidth: "48ch" }}>
      <Text size="1" color="red">
        {error.message}
      </Text>
      {error.stack ? (
        <details>
          <summary>
            <Text size="1">Stack trace</Text>
          </summary>
          <Code size="1" variant="ghost" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
            {error.stack}
          </Code>
        </details>
      ) : null}
    </Flex>
  );
}

/**
 * The project's background jobs (evaluations, backfills) and the schedules every project
 * shares (rollups, review routing): state, attempts, times and the error of failed ones,
 * filtered by state and paged newest first; owners and admins retry failed jobs. It opens on
 * "Current" (the list it gets is that view): the shared schedules complete every few seconds
 * and would bury what a person comes for.
 */
export function JobsPanel({ projectId, jobs, canRetry }: { projectId: string; jobs: JobList; canRetry: boolean }) {
  const [list, setList] = useState(jobs);
  const [filter, setFilter] = useState<JobFilter | "all">("current");
  // Cursors of the pages before the one shown, so "Newer" can go back.
  const [cursors, setCursors] = useState<(string | null)[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const { run, error, busy } = useMutation({ refresh: false });

  async function load(nextFilter: JobFilter | "all", cursor: string | null): Promise<void> {
    const params = new URLSearchParams();
    if (nextFilter !== "all") params.set("state", nextFilter);
    if (cursor) params.set("cursor", cursor);
    const query = params.toString();
    setList(await callApi<JobList>("GET", `/api/v1/projects/${projectId}/jobs${query ? `?${query}` : ""}`));
    setFilter(nextFilter);
    setCurrent(cursor);
  }

  const show = (nextFilter: JobFilter | "all") =>
    void run(async () => {
      await load(nextFilter, null);
      setCursors([]);
    });
  const older = () =>
    void run(async () => {
      await load(filter, list.nextCursor);
      setCursors((before) => [...before, current]);
    });
  const newer = () =>
    void run(async () => {
      await load(filter, cursors.at(-1) ?? null);
      setCursors((before) => before.slice(0, -1));
    });
  const retry = (job: JobView) =>
    void run(
      async () => {
        await callApi("POST", `/api/v1/projects/${projectId}/jobs/${job.id}/retry`);
        await load(filter, current);
      },
      { success: `${job.title}: queued to run again` },
    );

  const total = jobStateFilters.reduce((sum, key) => sum + list.counts[key], 0);
  return (
    <SettingsCard
      id="jobs"
      title="Jobs"
      description="Background work: this project's evaluations and backfills, and the schedules all projects share (metric rollups, review routing, evaluator scans). Current shows what is queued, running or failed and this project's backfills; routine runs that completed are under Completed and All. Finished jobs are kept for a week."
    >
      <SegmentedControl.Root
        value={filter}
        onValueChange={(value) => {
          show(value as JobFilter | "all");
        }}
        aria-label="Show jobs"
      >
        {jobFilters.map((key) => (
          <SegmentedControl.Item key={key} value={key}>
            {filterLabel[key]} ({list.counts[key]})
          </SegmentedControl.Item>
        ))}
        <SegmentedControl.Item value="all">All ({total})</SegmentedControl.Item>
      </SegmentedControl.Root>
      <ErrorMessage error={error} />
      {list.data.length === 0 ? (
        <Text size="2" color="gray">
          {filter === "all"
            ? "No jobs yet."
            : filter === "current"
              ? "Nothing queued, running or failed."
              : `No ${filterLabel[filter].toLowerCase()} jobs.`}
        </Text>
      ) : (
        <Table.Root variant="surface" size="1">
          <TableCaption>Jobs, newest first</TableCaption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>Job</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>State</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Retries used</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Created</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Started</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Finished</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Error</Table.ColumnHeaderCell>
              {canRetry ? (
                <Table.ColumnHeaderCell>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.ColumnHeaderCell>
              ) : null}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {list.data.map((job) => (
              <Table.Row key={job.id} align="center">
                <Table.RowHeaderCell>
                  <Flex direction="column" gap="1" align="start">
                    <Text size="2">{job.title}</Text>
                    {job.scope === "instance" ? (
                      <Badge color="gray" variant="soft" size="1">
                        Shared schedule
                      </Badge>
                    ) : null}
                  </Flex>
                </Table.RowHeaderCell>
                <Table.Cell>
                  <Badge color={stateBadge[job.state].color}>{stateBadge[job.state].label}</Badge>
                </Table.Cell>
                <Table.Cell>
                  {job.attempts} of {job.retryLimit}
                </Table.Cell>
                <Table.Cell>{time(job.createdAt)}</Table.Cell>
                <Table.Cell>{time(job.startedAt)}</Table.Cell>
                <Table.Cell>{time(job.finishedAt)}</Table.Cell>
                <Table.Cell>{job.error ? <JobError error={job.error} /> : "—"}</Table.Cell>
                {canRetry ? (
                  <Table.Cell>
                    {job.state === "failed" ? (
                      <Button
                        size="1"
                        variant="soft"
                        disabled={busy}
                        onClick={() => {
                          retry(job);
                        }}
                      >
                        Retry
                      </Button>
                    ) : null}
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      )}
      <Flex gap="2" justify="end">
        <Button variant="soft" color="gray" disabled={busy || cursors.length === 0} onClick={newer}>
          Newer
        </Button>
        <Button variant="soft" color="gray" disabled={busy || list.nextCursor === null} onClick={older}>
          Older
        </Button>
      </Flex>
    </SettingsCard>
  );
}
