import type { AlertRuleInput } from "@/contracts/alerts";
import type { Queryable } from "@/server/db/client";
import type { ProblemIssue } from "@/server/errors";

/**
 * The checks of a rule that need the project's data (the contract checked the rest): its
 * channels are the project's own.
 */
export async function alertRuleProblems(database: Queryable, projectId: string, input: AlertRuleInput): Promise<ProblemIssue[]> {
  const problems: ProblemIssue[] = [];
  if (input.channels.length) {
    const found = await database.alertChannel.findMany({ where: { projectId, id: { in: input.channels } }, select: { id: true } });
    const known = new Set(found.map((channel) => channel.id));
    input.channels.forEach((channelId, index) => {
      if (!known.has(channelId)) problems.push({ path: ["channels", index], message: "no such alert channel in this project" });
    });
  }
  return problems;
}
