import { env } from "@/env";

/**
 * The console's base URL in links sent from background work, where no request says how
 * people reach the instance: NEXTAUTH_URL, else this machine's port (as `npm run user` does).
 */
export function consoleBaseUrl(): string {
  const { NEXTAUTH_URL, PORT } = env();
  return (NEXTAUTH_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, "");
}

/** A rule's page in the console, the link of its notifications. */
export function alertRuleUrl(projectId: string, ruleId: string, baseUrl: string = consoleBaseUrl()): string {
  return `${baseUrl}/projects/${projectId}/alerts/${ruleId}`;
}

/** The project's alerts page (a test notification belongs to no rule). */
export function alertsPageUrl(projectId: string, baseUrl: string = consoleBaseUrl()): string {
  return `${baseUrl}/projects/${projectId}/alerts`;
}
