import type { NextRequest } from "next/server";
import type { z } from "zod";
import { env } from "@/env";
import { db, type Database } from "@/server/db/client";
import { can, keyPermissions, type Permission, type Role } from "@/server/auth/permissions";
import { authenticateApiKey, type ApiKeyKind, type AuthenticatedKey } from "@/server/keys/apiKeys";
import { sessionUserFromRequest, type SessionUser } from "@/server/auth/session";
import { roleInProject } from "@/server/projects/projects";
import { AppError, ForbiddenError, NotFoundError, RateLimitedError, UnauthorizedError, UnsupportedMediaTypeError } from "@/server/errors";
import { chargeRequest, createRateLimiter, type RateLimiter } from "@/server/api/rateLimiter";
import { addressGroup, clientAddressOf } from "@/server/http/forwardedHeaders";
import { keyAcceptsOrigin, originRefusal } from "@/server/keys/keyOrigins";
import { readJsonBody, readRawBody, type RawBody } from "@/server/api/readBody";
import { fromZodError, problemResponse, toAppError } from "@/server/api/problem";
import { allowOriginHeaders, isOriginAllowed, originOf, requestOwnOrigin } from "@/server/api/cors";

/** Who is calling: an API key, a signed-in person, or (for open endpoints) nobody. */
export type Caller =
  | { type: "anonymous" }
  | { type: "key"; key: AuthenticatedKey; projectId: string }
  | { type: "session"; user: SessionUser; projectId: string | null; role: Role | null };

export type AuthMode = "none" | "key" | "session" | "keyOrSession";

export interface RouteContext<TBody, TQuery, TParams> {
  request: NextRequest;
  body: TBody;
  /** The undecoded body, for endpoints that declare `rawBody` (e.g. OTLP protobuf). */
  rawBody: RawBody | null;
  query: TQuery;
  params: TParams;
  caller: Caller;
  database: Database;
  now: Date;
}

export interface RouteSpec<TBody, TQuery, TParams, TResult> {
  auth: AuthMode;
  /** Required of every caller of a project-scoped endpoint. */
  permission?: Permission;
  /** Key kinds accepted (default both); others get 403. */
  keyKinds?: ApiKeyKind[];
  /** Accept the key as `?key=` (for navigator.sendBeacon, which cannot set headers). */
  keyInQuery?: boolean;
  body?: z.ZodType<TBody>;
  /** Hand the handler the body bytes of these media types instead of parsed JSON. */
  rawBody?: { mediaTypes: string[] };
  query?: z.ZodType<TQuery>;
  params?: z.ZodType<TParams>;
  /**
   * How a path parameter that does not parse is answered. An id that is not an id names
   * nothing, so by default it is 404; a name the caller chose (a dataset's) that breaks
   * the naming rules is the caller's mistake, answered 400 with the parameter named.
   */
  invalidParams?: "notFound" | "badRequest";
  maxBodyBytes?: number;
  /** Accept `text/plain` bodies holding JSON (sendBeacon sends that type). */
  acceptTextPlain?: boolean;
  /** Answer browsers from any origin (open endpoints such as health). */
  publicCors?: boolean;
  status?: number;
  /** The JSON body of a success answer; checked on every answer when LIVELOOP_CHECK_RESPONSES is on (tests). */
  response?: z.ZodType;
  handler: (context: RouteContext<TBody, TQuery, TParams>) => Promise<TResult | Response>;
}

// Next passes `params` only to routes with dynamic segments.
export type RouteHandler = (request: NextRequest, context: { params?: Promise<Record<string, string | string[]>> }) => Promise<Response>;

const defaultMaxBodyBytes = 1024 * 1024;
const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
// The body types an HTML form (or a no-cors fetch) can send to another site without a preflight.
const formMediaTypes = new Set(["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"]);
// Every answer is typed by its Content-Type; never let a browser guess another type.
const apiHeaders = { "X-Content-Type-Options": "nosniff" };

/** What the wrapper takes from the outside world; tests pass their own database and clock. */
export interface RouteDependencies {
  database(): Database;
  rateLimiter(): RateLimiter;
  sessionUser(request: NextRequest): Promise<SessionUser | null>;
  now(): Date;
  /** Check each success answer against the endpoint's response schema (default: LIVELOOP_CHECK_RESPONSES). */
  checkResponses?: boolean;
}

let processRateLimiter: RateLimiter | undefined;
const processDependencies: RouteDependencies = {
  database: db,
  rateLimiter: () => (processRateLimiter ??= createRateLimiter(env().LIVELOOP_RATE_LIMIT_PER_MINUTE)),
  sessionUser: sessionUserFromRequest,
  now: () => new Date(),
};

function presentedKey(request: NextRequest, keyInQuery: boolean): string | null {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) throw new UnauthorizedError("Send the key as `Authorization: Bearer <key>`");
    return match[1];
  }
  return keyInQuery ? request.nextUrl.searchParams.get("key") : null;
}

async function authenticate(
  spec: RouteSpec<unknown, unknown, unknown, unknown>,
  request: NextRequest,
  dependencies: RouteDependencies,
  database: Database,
  projectId: string | null,
  now: Date,
): Promise<Caller> {
  if (spec.auth === "none") return { type: "anonymous" };
  const key = presentedKey(request, spec.keyInQuery ?? false);
  if (key !== null) {
    if (spec.auth === "session") throw new ForbiddenError("This endpoint is for signed-in people, not API keys");
    const found = await authenticateApiKey(database, key, now);
    if (!found) throw new UnauthorizedError("Unknown or revoked API key");
    if (spec.keyKinds && !spec.keyKinds.includes(found.kind)) {
      throw new ForbiddenError(`A ${found.kind} key cannot be used here; use a ${spec.keyKinds.join(" or ")} key`);
    }
    if (spec.permission && !keyPermissions[found.kind].has(spec.permission)) {
      throw new ForbiddenError(`A ${found.kind} key cannot ${spec.permission}`);
    }
    if (projectId && projectId !== found.projectId) throw new ForbiddenError("This key belongs to another project");
    return { type: "key", key: found, projectId: found.projectId };
  }
  if (spec.auth === "key") throw new UnauthorizedError("Send an API key as `Authorization: Bearer <key>`");
  const user = await dependencies.sessionUser(request);
  if (!user) throw new UnauthorizedError("Sign in first");
  assertSameOrigin(request);
  if (!projectId) return { type: "session", user, projectId: null, role: null };
  const role = await roleInProject(database, projectId, user.id);
  if (!role) throw new ForbiddenError("You are not a member of this project");
  if (spec.permission && !can(role, spec.permission)) throw new ForbiddenError(`The ${role} role cannot ${spec.permission}`);
  return { type: "session", user, projectId, role };
}

/**
 * Session cookies ride along on cross-site requests; refuse state changes from other
 * sites. The whole origin must match (an https page must not drive an http console, nor
 * another port), an Origin that names no site (`null`, from sandboxed frames and some
 * redirects) or does not parse is refused, and so is any form body type: those are what
 * a cross-site form can send without a CORS preflight, and the console only ever sends
 * JSON or nothing, so they are refused even without an Origin header (old browsers).
 */
function assertSameOrigin(request: NextRequest): void {
  if (!unsafeMethods.has(request.method)) return;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const own = requestOwnOrigin(request);
    if (own === null || originOf(origin) !== own) throw new ForbiddenError("Cross-site requests cannot change data");
  }
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (formMediaTypes.has(mediaType)) throw new UnsupportedMediaTypeError(["application/json", "no body"]);
}

function corsHeadersFor(
  spec: RouteSpec<unknown, unknown, unknown, unknown>,
  request: NextRequest,
  caller: Caller | null,
): Record<string, string> {
  const origin = request.headers.get("origin");
  if (!origin) return {};
  if (spec.publicCors) return allowOriginHeaders(origin);
  if (caller?.type === "key" && caller.key.kind === "public" && isOriginAllowed(origin, caller.key.allowedOrigins)) {
    return allowOriginHeaders(origin);
  }
  return {};
}

function parseParams<T>(
  schema: z.ZodType<T> | undefined,
  raw: Record<string, string | string[]>,
  invalid: RouteSpec<unknown, unknown, unknown, unknown>["invalidParams"],
): T {
  if (!schema) return raw as T;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  if (invalid === "badRequest") {
    const named = [...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? "")))].filter(Boolean);
    throw fromZodError(result.error, `The path parameter ${named.join(", ")} is invalid`);
  }
  throw new NotFoundError("No such resource");
}

/**
 * Builds `apiRoute`, which wraps one endpoint: authentication, permission, CORS, rate limit, body cap, zod
 * parsing of params, query and body, response shaping and error mapping. Every route
 * under /api goes through here; no handler checks access itself.
 */
export function createApiRoute(dependencies: RouteDependencies) {
  return function apiRoute<TBody = undefined, TQuery = undefined, TParams = Record<string, never>, TResult = unknown>(
    spec: RouteSpec<TBody, TQuery, TParams, TResult>,
  ): RouteHandler {
    return wrapRoute(dependencies, spec);
  };
}

export const apiRoute = createApiRoute(processDependencies);

function wrapRoute<TBody, TQuery, TParams, TResult>(
  dependencies: RouteDependencies,
  spec: RouteSpec<TBody, TQuery, TParams, TResult>,
): RouteHandler {
  const general = spec as RouteSpec<unknown, unknown, unknown, unknown>;
  return async (request, context) => {
    const now = dependencies.now();
    let caller: Caller | null = null;
    try {
      const database = dependencies.database();
      const params = parseParams(spec.params, (await context.params) ?? {}, spec.invalidParams);
      const projectId =
        typeof (params as { projectId?: unknown }).projectId === "string" ? (params as { projectId: string }).projectId : null;
      caller = await authenticate(general, request, dependencies, database, projectId, now);

      const origin = request.headers.get("origin");
      if (caller.type === "key" && !keyAcceptsOrigin(caller.key, origin, request)) {
        // Readable by the refused page (Allow-Origin), so the widget drops these events
        // rather than retrying what looks like a network error. It says only what the
        // page already knows (its origin and that its key is public) and stores nothing.
        throw new AppError(403, "forbidden", "Forbidden", originRefusal(origin), undefined, allowOriginHeaders(origin));
      }

      const retryAfter = chargeRequest(dependencies.rateLimiter(), caller, addressGroup(clientAddressOf(request.headers)), now.getTime());
      if (retryAfter > 0) throw new RateLimitedError(retryAfter);

      const rawQuery = Object.fromEntries(request.nextUrl.searchParams);
      if (spec.keyInQuery) delete rawQuery.key;
      const query = spec.query ? parseOrThrow(spec.query, rawQuery, "The query string is invalid") : (undefined as TQuery);
      const body = spec.body
        ? parseOrThrow(
            spec.body,
            await readJsonBody(request, spec.maxBodyBytes ?? defaultMaxBodyBytes, spec.acceptTextPlain ?? false),
            "The body is invalid",
          )
        : (undefined as TBody);

      const rawBody = spec.rawBody ? await readRawBody(request, spec.rawBody.mediaTypes, spec.maxBodyBytes ?? defaultMaxBodyBytes) : null;

      const result = await spec.handler({ request, body, rawBody, query, params, caller, database, now });
      if (spec.response && (dependencies.checkResponses ?? env().LIVELOOP_CHECK_RESPONSES)) await checkResponse(spec.response, result);
      const cors = { ...apiHeaders, ...corsHeadersFor(general, request, caller) };
      if (result instanceof Response) {
        for (const [name, value] of Object.entries(cors)) result.headers.set(name, value);
        return result;
      }
      if (result === undefined) return new Response(null, { status: spec.status ?? 204, headers: cors });
      return Response.json(result, { status: spec.status ?? 200, headers: cors });
    } catch (error) {
      const appError: AppError = toAppError(error);
      return problemResponse(appError, { ...apiHeaders, ...corsHeadersFor(general, request, caller) });
    }
  };
}

/**
 * Fails the request (500, logged) when a success answer does not match its declared
 * schema, so every test that goes through the wrapper also checks the documented shape.
 */
async function checkResponse(schema: z.ZodType, result: unknown): Promise<void> {
  let json: unknown = result;
  if (result instanceof Response) {
    const type = result.headers.get("content-type") ?? "";
    if (!result.ok || result.status === 204 || !type.startsWith("application/json")) return;
    json = await result.clone().json();
  } else if (result !== undefined) {
    json = JSON.parse(JSON.stringify(result)) as unknown;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
    throw new Error(`The answer does not match the endpoint's response schema: ${where}`);
  }
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, detail: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, detail);
  return result.data;
}
