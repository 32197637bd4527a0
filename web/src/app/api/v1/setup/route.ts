import { apiRoute } from "@/server/api/route";
import { setupSchema } from "@/contracts/setup";
import { completeSetup } from "@/server/setup/setup";

export const POST = apiRoute({
  auth: "none",
  body: setupSchema,
  status: 201,
  handler: async ({ database, body }) => ({ projectId: (await completeSetup(database, body)).projectId }),
});
