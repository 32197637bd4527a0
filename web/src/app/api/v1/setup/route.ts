import { apiRoute } from "@/server/api/route";
import { setupSchema } from "@/contracts/setup";
import { completeSetup } from "@/server/setup/setup";
import { ensureDemoProject } from "@/server/demo/demoProject";
import { instanceSecret } from "@/server/demo/demoRoute";

export const POST = apiRoute({
  auth: "none",
  body: setupSchema,
  status: 201,
  handler: async ({ database, body }) => {
    const { projectId, userId } = await completeSetup(database, body);
    // The demo project's browser key, so /demo works at once.
    await ensureDemoProject(database, userId, instanceSecret());
    return { projectId };
  },
});
