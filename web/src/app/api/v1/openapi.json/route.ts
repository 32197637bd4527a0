import { apiRoute } from "@/server/api/route";
import { openApiDocument } from "@/contracts/openapi";

export const GET = apiRoute({
  auth: "none",
  publicCors: true,
  handler: ({ request }) => Promise.resolve(openApiDocument(request.nextUrl.origin)),
});
