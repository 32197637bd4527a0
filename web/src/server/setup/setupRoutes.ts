import { endpoint } from "@/server/api/endpoint";
import { setupResultSchema, setupSchema } from "@/contracts/setup";
import { healthSchema } from "@/contracts/health";
import { completeSetup } from "@/server/setup/setup";
import { checkHealth } from "@/server/health/health";
import { ensureDemoProject } from "@/server/demo/demoProject";
import { instanceSecret } from "@/server/auth/instanceSecret";

export const healthRoute = endpoint({
  method: "GET",
  path: "/api/v1/health",
  summary: "Service and database health",
  auth: "none",
  publicCors: true,
  response: healthSchema,
  answers: "Healthy",
  handler: ({ database }) => checkHealth(database),
});

export const setupRoute = endpoint({
  method: "POST",
  path: "/api/v1/setup",
  summary: "First-run set-up: creates the first owner and project (403 once done)",
  auth: "none",
  body: setupSchema,
  status: 201,
  response: setupResultSchema,
  answers: "Set up",
  handler: async ({ database, body }) => {
    const { projectId, userId } = await completeSetup(database, body);
    // The demo project's browser key, so /demo works at once.
    await ensureDemoProject(database, userId, instanceSecret());
    return { projectId };
  },
});

export const setupEndpoints = [healthRoute, setupRoute] as const;
