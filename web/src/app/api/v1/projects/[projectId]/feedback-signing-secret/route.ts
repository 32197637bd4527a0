import { apiRoute } from "@/server/api/route";
import { projectIdParams } from "@/contracts/common";
import { rotateFeedbackSigningSecret } from "@/server/feedback/feedbackTokens";

export const POST = apiRoute({
  auth: "session",
  permission: "keys:manage",
  params: projectIdParams,
  handler: ({ database, params }) => rotateFeedbackSigningSecret(database, params.projectId),
});
