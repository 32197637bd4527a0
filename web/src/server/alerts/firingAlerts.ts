import type { FiringAlerts } from "@/contracts/alerts";
import type { Queryable } from "@/server/db/client";
import { activeAlertSilences, silencedBy } from "@/server/alerts/alertSilences";

/**
 * What is firing now, critical first and then the longest firing, for the console's header
 * (every page reads it: one query on the (project, state) index). Silenced instances are
 * listed too, marked by nothing but their absence from the notifications.
 */
export async function listFiringAlerts(database: Queryable, projectId: string, now: Date): Promise<FiringAlerts["data"]> {
  const [instances, silences] = await Promise.all([
    database.alertInstance.findMany({
      where: { projectId, state: { in: ["firing", "recovering"] }, rule: { enabled: true } },
      select: { ruleId: true, group: true, severity: true, since: true, value: true, rule: { select: { name: true } } },
      orderBy: [{ severity: "desc" }, { since: "asc" }],
      take: 50,
    }),
    activeAlertSilences(database, projectId, now),
  ]);
  return instances.map((instance) => ({
    ruleId: instance.ruleId,
    ruleName: instance.rule.name,
    group: instance.group,
    severity: instance.severity ?? "critical",
    since: instance.since.toISOString(),
    value: instance.value,
    silenced: silencedBy(silences, instance.ruleId, instance.group),
  }));
}
