import { z } from "zod";
import { problemSchema, projectIdParams } from "@/contracts/common";
import { healthSchema } from "@/contracts/health";
import { createProjectSchema, currentProjectSchema, projectSchema, projectSettingsSchema, updateProjectSchema } from "@/contracts/projects";
import { memberListSchema, memberParams, memberSchema, updateMemberSchema } from "@/contracts/members";
import {
  acceptedInvitationSchema,
  acceptInvitationSchema,
  changePasswordSchema,
  completePasswordResetSchema,
  createdInvitationSchema,
  createInvitationSchema,
  invitationListSchema,
  invitationParams,
  issuedLinkSchema,
  registerWithInvitationSchema,
  signedOutSessionsSchema,
} from "@/contracts/account";
import {
  apiKeyListSchema,
  apiKeyParams,
  apiKeySchema,
  createApiKeySchema,
  createdApiKeySchema,
  updateApiKeySchema,
} from "@/contracts/apiKeys";
import { setupResultSchema, setupSchema } from "@/contracts/setup";
import { otlpExportResponseSchema, otlpJsonLogsRequestSchema, otlpJsonRequestSchema, otlpLogsExportResponseSchema } from "@/contracts/otlp";
import { metricsQuerySchema, metricsSchema } from "@/contracts/metrics";
import {
  modelPriceInputSchema,
  modelPriceListSchema,
  modelPriceParams,
  modelPriceSchema,
  recomputeResultSchema,
} from "@/contracts/modelPrices";
import { batchResultSchema } from "@/contracts/batch";
import {
  feedbackBatchSchema,
  feedbackListQuerySchema,
  feedbackListSchema,
  feedbackTokenRequestSchema,
  feedbackTokensSchema,
} from "@/contracts/feedback";
import {
  adjudicationSchema,
  annotationInputSchema,
  annotationResultSchema,
  claimQuerySchema,
  claimedItemSchema,
  leaseSchema,
  reviewItemListQuerySchema,
  reviewItemListSchema,
  reviewItemParams,
  reviewRulesSchema,
  reviewRulesUpdateSchema,
} from "@/contracts/review";
import {
  datasetItemsSchema,
  datasetParams,
  exportQuerySchema,
  projectDatasetItemParams,
  projectDatasetParams,
  publishQuerySchema,
  publishedVersionSchema,
} from "@/contracts/datasets";
import { traceBatchSchema, traceIdParams, traceListQuerySchema, traceListSchema, traceSchema } from "@/contracts/traces";

type Security = "none" | "secretKey" | "publicKey" | "anyKey" | "session";

export interface EndpointDoc {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  security: Security;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Media types the body may come in (default JSON only). */
  bodyMediaTypes?: string[];
  success: { status: number; schema?: z.ZodType; description: string };
}

/** Every endpoint under /api/v1. A test checks this list against the route files. */
export const endpoints: EndpointDoc[] = [
  {
    method: "get",
    path: "/api/v1/health",
    summary: "Service and database health",
    security: "none",
    success: { status: 200, schema: healthSchema, description: "Healthy" },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This document",
    security: "none",
    success: { status: 200, description: "OpenAPI 3.1 document" },
  },
  {
    method: "post",
    path: "/api/v1/setup",
    summary: "First-run set-up: creates the first owner and project (403 once done)",
    security: "none",
    body: setupSchema,
    success: { status: 201, schema: setupResultSchema, description: "Set up" },
  },
  {
    method: "get",
    path: "/api/v1/projects/current",
    summary: "The project of the secret key used",
    security: "secretKey",
    success: { status: 200, schema: currentProjectSchema, description: "The key's project" },
  },
  {
    method: "get",
    path: "/api/v1/projects",
    summary: "Projects of the signed-in person",
    security: "session",
    success: { status: 200, schema: z.object({ data: z.array(projectSchema) }), description: "Projects" },
  },
  {
    method: "post",
    path: "/api/v1/projects",
    summary: "Create a project (the caller becomes owner)",
    security: "session",
    body: createProjectSchema,
    success: { status: 201, schema: projectSchema, description: "Created" },
  },
  {
    method: "patch",
    path: "/api/v1/projects/{projectId}",
    summary: "Rename a project or change its PII redaction",
    security: "session",
    params: projectIdParams,
    body: updateProjectSchema,
    success: { status: 200, schema: projectSettingsSchema, description: "Updated" },
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/members",
    summary: "Members and their roles",
    security: "session",
    params: projectIdParams,
    success: { status: 200, schema: memberListSchema, description: "Members" },
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/invitations",
    summary: "Pending invitations",
    security: "session",
    params: projectIdParams,
    success: { status: 200, schema: invitationListSchema, description: "Invitations not yet accepted, revoked or expired" },
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/invitations",
    summary: "Invite someone by e-mail: a single-use link, shown once (and e-mailed when SMTP_URL is set)",
    security: "session",
    params: projectIdParams,
    body: createInvitationSchema,
    success: { status: 201, schema: createdInvitationSchema, description: "Invited" },
  },
  {
    method: "delete",
    path: "/api/v1/projects/{projectId}/invitations/{invitationId}",
    summary: "Revoke a pending invitation",
    security: "session",
    params: invitationParams,
    success: { status: 204, description: "Revoked" },
  },
  {
    method: "post",
    path: "/api/v1/invitations/accept",
    summary: "Accept an invitation sent to the signed-in person's e-mail",
    security: "session",
    body: acceptInvitationSchema,
    success: { status: 200, schema: acceptedInvitationSchema, description: "Joined" },
  },
  {
    method: "post",
    path: "/api/v1/invitations/register",
    summary: "Accept an invitation by creating an account with one's own password",
    security: "none",
    body: registerWithInvitationSchema,
    success: { status: 201, schema: acceptedInvitationSchema, description: "Account created and joined" },
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/members/{memberId}/password-reset",
    summary: "An owner's single-use password-reset link for a member (shown once, e-mailed when SMTP_URL is set)",
    security: "session",
    params: memberParams,
    success: { status: 201, schema: issuedLinkSchema, description: "Issued" },
  },
  {
    method: "post",
    path: "/api/v1/password-resets",
    summary: "Set a new password through a reset link; ends every session of the account",
    security: "none",
    body: completePasswordResetSchema,
    success: { status: 200, schema: acceptedInvitationSchema.pick({ email: true }), description: "Password set" },
  },
  {
    method: "post",
    path: "/api/v1/account/password",
    summary: "Change one's password; ends the account's other sessions",
    security: "session",
    body: changePasswordSchema,
    success: { status: 204, description: "Changed" },
  },
  {
    method: "delete",
    path: "/api/v1/account/sessions",
    summary: "Sign out everywhere: ends every session of the account, this one included",
    security: "session",
    success: { status: 200, schema: signedOutSessionsSchema, description: "Signed out" },
  },
  {
    method: "patch",
    path: "/api/v1/projects/{projectId}/members/{memberId}",
    summary: "Change a member's role",
    security: "session",
    params: memberParams,
    body: updateMemberSchema,
    success: { status: 200, schema: memberSchema, description: "Changed" },
  },
  {
    method: "delete",
    path: "/api/v1/projects/{projectId}/members/{memberId}",
    summary: "Remove a member",
    security: "session",
    params: memberParams,
    success: { status: 204, description: "Removed" },
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/api-keys",
    summary: "API keys (never the secret)",
    security: "session",
    params: projectIdParams,
    success: { status: 200, schema: apiKeyListSchema, description: "Keys" },
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/api-keys",
    summary: "Create an API key (returned in full once)",
    security: "session",
    params: projectIdParams,
    body: createApiKeySchema,
    success: { status: 201, schema: createdApiKeySchema, description: "Created" },
  },
  {
    method: "patch",
    path: "/api/v1/projects/{projectId}/api-keys/{keyId}",
    summary: "Change a public key's allowed origins (takes effect at once)",
    security: "session",
    params: apiKeyParams,
    body: updateApiKeySchema,
    success: { status: 200, schema: apiKeySchema, description: "The key's summary" },
  },
  {
    method: "delete",
    path: "/api/v1/projects/{projectId}/api-keys/{keyId}",
    summary: "Revoke an API key",
    security: "session",
    params: apiKeyParams,
    success: { status: 204, description: "Revoked" },
  },
  {
    method: "post",
    path: "/api/v1/traces",
    summary: "Ingest a batch of traces with nested spans (re-sent ids update, never duplicate; 5 MB cap)",
    security: "secretKey",
    body: traceBatchSchema,
    success: { status: 200, schema: batchResultSchema, description: "All stored; 207 with the same body when some were rejected" },
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/feedback-signing-secret",
    summary: "Replace the project's feedback signing secret: every feedback token minted before stops being valid",
    security: "session",
    params: projectIdParams,
    success: { status: 204, description: "Rotated" },
  },
  {
    method: "get",
    path: "/api/v1/review-items",
    summary: "Review items by priority, with their reasons, cluster size and annotations",
    security: "secretKey",
    query: reviewItemListQuerySchema,
    success: { status: 200, schema: reviewItemListSchema, description: "Items" },
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/review-items/claim",
    summary: "Claim the highest-priority item for the signed-in annotator, leased for 10 minutes (204: queue empty)",
    security: "session",
    params: projectIdParams,
    query: claimQuerySchema,
    success: { status: 200, schema: claimedItemSchema, description: "The claimed item" },
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/review-items/{itemId}/lease",
    summary: "Renew the caller's lease on an item (409 when it is not theirs anymore)",
    security: "session",
    params: reviewItemParams,
    success: { status: 200, schema: leaseSchema, description: "Renewed" },
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/review-items/{itemId}/release",
    summary: "Give a claimed item back to the queue (skip)",
    security: "session",
    params: reviewItemParams,
    success: { status: 204, description: "Released" },
  },
  {
    method: "put",
    path: "/api/v1/projects/{projectId}/review-items/{itemId}/annotation",
    summary: "Save the caller's annotation of an item they hold (409 when the lease moved on)",
    security: "session",
    params: reviewItemParams,
    body: annotationInputSchema,
    success: { status: 200, schema: annotationResultSchema, description: "Saved" },
  },
  {
    method: "put",
    path: "/api/v1/projects/{projectId}/review-items/{itemId}/adjudication",
    summary: "Settle a disagreement between annotators: the chosen category stands (owners and admins)",
    security: "session",
    params: reviewItemParams,
    body: adjudicationSchema,
    success: { status: 200, description: "Adjudicated" },
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/review-rules",
    summary: "What sends traces to the review queue",
    security: "session",
    params: projectIdParams,
    success: { status: 200, schema: reviewRulesSchema, description: "The rules" },
  },
  {
    method: "patch",
    path: "/api/v1/projects/{projectId}/review-rules",
    summary: "Change what sends traces to the review queue",
    security: "session",
    params: projectIdParams,
    body: reviewRulesUpdateSchema,
    success: { status: 200, schema: reviewRulesSchema, description: "The rules" },
  },
  {
    method: "post",
    path: "/api/v1/datasets/{name}/items",
    summary: "Add items to a dataset (created on first use); an item id sent before is a duplicate",
    security: "secretKey",
    params: datasetParams,
    body: datasetItemsSchema,
    success: { status: 200, schema: batchResultSchema, description: "All stored or already stored; 207 when some were rejected" },
  },
  {
    method: "post",
    path: "/api/v1/datasets/{name}/versions",
    summary: "Publish the dataset's items as the next immutable numbered version",
    security: "secretKey",
    params: datasetParams,
    query: publishQuerySchema,
    success: { status: 201, schema: publishedVersionSchema, description: "Published" },
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/datasets/{name}/versions",
    summary: "Publish the dataset's items as the next version (console)",
    security: "session",
    params: projectDatasetParams,
    query: publishQuerySchema,
    success: { status: 201, schema: publishedVersionSchema, description: "Published" },
  },
  {
    method: "delete",
    path: "/api/v1/projects/{projectId}/datasets/{name}/items/{itemId}",
    summary: "Remove an item from a dataset's working set (published versions keep their copy)",
    security: "session",
    params: projectDatasetItemParams,
    success: { status: 204, description: "Removed" },
  },
  {
    method: "get",
    path: "/api/v1/datasets/{name}/export",
    summary: "Stream a published version as openai, dpo, jsonl or csv",
    security: "secretKey",
    params: datasetParams,
    query: exportQuerySchema,
    success: { status: 200, description: "The export, streamed, with Content-Disposition" },
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/datasets/{name}/export",
    summary: "Stream a published version (console download)",
    security: "session",
    params: projectDatasetParams,
    query: exportQuerySchema,
    success: { status: 200, description: "The export, streamed, with Content-Disposition" },
  },
  {
    method: "post",
    path: "/api/v1/feedback",
    summary:
      "Ingest a batch of feedback events (public or secret key; CORS per public key; key also as ?key= with a text/plain body for sendBeacon; 64 KB, 100 events)",
    security: "anyKey",
    body: feedbackBatchSchema,
    bodyMediaTypes: ["application/json", "text/plain"],
    success: {
      status: 200,
      schema: batchResultSchema,
      description: "All stored or already stored; 207 with the same body when some were rejected",
    },
  },
  {
    method: "get",
    path: "/api/v1/feedback",
    summary: "A trace's feedback events, newest first",
    security: "secretKey",
    query: feedbackListQuerySchema,
    success: { status: 200, schema: feedbackListSchema, description: "The trace's feedback" },
  },
  {
    method: "post",
    path: "/api/v1/feedback-tokens",
    summary: "Mint feedback tokens (HMAC-SHA256 over trace, project and expiry) for the given traces",
    security: "secretKey",
    body: feedbackTokenRequestSchema,
    success: { status: 200, schema: feedbackTokensSchema, description: "A token per trace" },
  },
  {
    method: "get",
    path: "/api/v1/traces",
    summary: "List traces, newest first, with filters and cursor pagination",
    security: "secretKey",
    query: traceListQuerySchema,
    success: { status: 200, schema: traceListSchema, description: "A page of traces" },
  },
  {
    method: "get",
    path: "/api/v1/traces/{id}",
    summary: "One trace with its spans, feedback and scores",
    security: "secretKey",
    params: traceIdParams,
    success: { status: 200, schema: traceSchema, description: "The trace" },
  },
  {
    method: "post",
    path: "/api/v1/otel/v1/traces",
    summary: "OTLP/HTTP trace export (application/json or application/x-protobuf, gzip accepted) with the OpenTelemetry GenAI conventions",
    security: "secretKey",
    body: otlpJsonRequestSchema,
    bodyMediaTypes: ["application/json", "application/x-protobuf"],
    success: { status: 200, schema: otlpExportResponseSchema, description: "Stored; partialSuccess counts rejected spans" },
  },
  {
    method: "post",
    path: "/api/v1/otel/v1/logs",
    summary:
      "OTLP/HTTP log export (application/json or application/x-protobuf, gzip accepted): GenAI events (gen_ai.*.message, gen_ai.choice) become their span's prompt and answer; other records are accepted and dropped",
    security: "secretKey",
    body: otlpJsonLogsRequestSchema,
    bodyMediaTypes: ["application/json", "application/x-protobuf"],
    success: {
      status: 200,
      schema: otlpLogsExportResponseSchema,
      description: "Stored; partialSuccess counts GenAI events that name no span",
    },
  },
  {
    method: "get",
    path: "/api/v1/metrics",
    summary: "Requests, error rate, latency and TTFT percentiles, cost and tokens over a range, as totals and time series",
    security: "secretKey",
    query: metricsQuerySchema,
    success: { status: 200, schema: metricsSchema, description: "The same figures as the console's metrics page" },
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectId}/model-prices",
    summary: "The project's model prices and the shipped list prices",
    security: "session",
    params: projectIdParams,
    success: { status: 200, schema: modelPriceListSchema, description: "Prices" },
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/model-prices",
    summary: "Add a price for models matching a pattern from a date on",
    security: "session",
    params: projectIdParams,
    body: modelPriceInputSchema,
    success: { status: 201, schema: modelPriceSchema, description: "Added" },
  },
  {
    method: "delete",
    path: "/api/v1/projects/{projectId}/model-prices/{priceId}",
    summary: "Remove a project price",
    security: "session",
    params: modelPriceParams,
    success: { status: 204, description: "Removed" },
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectId}/model-prices/recompute",
    summary: "Recompute the cost of every trace whose cost was not supplied",
    security: "session",
    params: projectIdParams,
    success: { status: 200, schema: recomputeResultSchema, description: "Recomputed" },
  },
];

const securityRequirements: Record<Security, Record<string, string[]>[]> = {
  none: [],
  secretKey: [{ secretKey: [] }],
  publicKey: [{ publicKey: [] }],
  anyKey: [{ secretKey: [] }, { publicKey: [] }],
  session: [{ session: [] }],
};

const problemStatuses: Record<number, string> = {
  400: "Invalid request (the zod issues are listed)",
  401: "Unknown or revoked key, or not signed in",
  403: "Wrong key kind, origin or role",
  413: "Body too large",
  415: "Wrong content type",
  429: "Rate limited (see Retry-After)",
  503: "Database unreachable (see Retry-After)",
};

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  return z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" });
}

function parameters(schema: z.ZodType | undefined, location: "path" | "query") {
  if (!schema) return [];
  const shape = jsonSchema(schema, "input") as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(shape.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || (shape.required ?? []).includes(name),
    ...(property.description ? { description: property.description } : {}),
    schema: property,
  }));
}

function requestContent(body: z.ZodType, mediaTypes: string[] = ["application/json"]) {
  const schema = jsonSchema(body, "input");
  // Binary encodings of the same message (OTLP protobuf) are described by the JSON form.
  return Object.fromEntries(
    mediaTypes.map((type) => [type, type === "application/json" ? { schema } : { schema: { type: "string", contentMediaType: type } }]),
  );
}

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    const responses: Record<string, unknown> = {
      [String(endpoint.success.status)]: {
        description: endpoint.success.description,
        ...(endpoint.success.schema ? { content: { "application/json": { schema: jsonSchema(endpoint.success.schema, "output") } } } : {}),
      },
    };
    for (const [status, description] of Object.entries(problemStatuses)) {
      if (endpoint.security === "none" && (status === "401" || status === "403")) continue;
      if (!endpoint.body && (status === "413" || status === "415")) continue;
      responses[status] = { description, content: { "application/problem+json": { schema: jsonSchema(problemSchema, "output") } } };
    }
    const pathItem = (paths[endpoint.path] ??= {});
    pathItem[endpoint.method] = {
      summary: endpoint.summary,
      security: securityRequirements[endpoint.security],
      parameters: [...parameters(endpoint.params, "path"), ...parameters(endpoint.query, "query")],
      ...(endpoint.body ? { requestBody: { required: true, content: requestContent(endpoint.body, endpoint.bodyMediaTypes) } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Liveloop API", version: "1", description: "Feedback, traces and datasets for LLM applications." },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      securitySchemes: {
        secretKey: { type: "http", scheme: "bearer", description: "A secret key (sk_...), for servers" },
        publicKey: { type: "http", scheme: "bearer", description: "A public key (pk_...), for browsers; feedback only" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "A console session" },
      },
    },
    paths,
  };
}
