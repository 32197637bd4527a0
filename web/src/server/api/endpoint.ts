import type { z } from "zod";
import type { RouteSpec } from "@/server/api/route";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * What a handler returns for a response schema: its JSON body (or a Response it built, a
 * stream or a 207). Without one it answers 204, and domain commands it calls return void.
 */
// eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- the result of a Promise<void> command, answered 204
export type ResultOf<TResponse> = TResponse extends z.ZodType ? z.input<TResponse> : void;

/**
 * One endpoint, declared once: where it lives, who may call it, what it takes and answers,
 * and what it does. The route files, the lean ingest server and the OpenAPI document are
 * all made from the list of these (server/api/endpoints.ts).
 */
export interface EndpointSpec<TMethod extends HttpMethod, TPath extends string, TBody, TQuery, TParams, TResponse> extends Omit<
  RouteSpec<TBody, TQuery, TParams, ResultOf<TResponse>>,
  "handler" | "response"
> {
  method: TMethod;
  /**
   * Where it is served. Two paths for one endpoint that servers call with a key (the key
   * names the project) and the console calls under the project's path: one declaration,
   * `keyOrSession`, and the project comes from `callerProjectId`.
   */
  path: TPath | readonly [TPath, ...TPath[]];
  summary: string;
  /** The JSON body of the success answer; requests in tests are checked against it. */
  response?: TResponse;
  /** What the success answer means (the OpenAPI response description). */
  answers: string;
  /**
   * The whole body as documented, when `body` validates only its envelope (batches are
   * checked event by event) or the body is read raw (OTLP protobuf).
   */
  documentedBody?: z.ZodType;
  /** Called from web pages with a public key: its path answers CORS preflights. */
  browser?: true;
  /** Answered by the web server before Next's pipeline (hot paths: ingest, release assignment). */
  lean?: true;
  /** Not part of the public API (the demo chat, benchmarks): left out of the OpenAPI document. */
  internal?: true;
  handler: RouteSpec<TBody, TQuery, TParams, ResultOf<TResponse>>["handler"];
}

/** A declared endpoint with its types erased, as the registry holds it; method and paths stay literal. */
export interface Endpoint<TMethod extends HttpMethod = HttpMethod, TPath extends string = string> extends RouteSpec<
  unknown,
  unknown,
  unknown,
  unknown
> {
  readonly method: TMethod;
  readonly paths: readonly TPath[];
  readonly summary: string;
  readonly answers: string;
  readonly documentedBody?: z.ZodType;
  readonly browser?: true;
  readonly lean?: true;
  readonly internal?: true;
}

/**
 * Declares an endpoint. The handler's `body`, `query` and `params` take their types from
 * the schemas, and what it returns must fit the response schema.
 */
export function endpoint<
  const TMethod extends HttpMethod,
  const TPath extends string,
  TBody = undefined,
  TQuery = undefined,
  TParams = Record<string, never>,
  TResponse extends z.ZodType | undefined = undefined,
>(spec: EndpointSpec<TMethod, TPath, TBody, TQuery, TParams, TResponse>): Endpoint<TMethod, TPath> {
  const { path, ...rest } = spec;
  const paths: readonly TPath[] = typeof path === "string" ? [path] : path;
  // The wrapper parses body, query and params with these same schemas before the handler
  // runs, so erasing the handler's parameter types here loses nothing at run time.
  return { ...(rest as unknown as Omit<Endpoint<TMethod, TPath>, "paths">), paths };
}
