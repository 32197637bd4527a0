import { z } from "zod";
import { problemSchema } from "@/contracts/common";
import type { Endpoint } from "@/server/api/endpoint";
import { keyPermissions } from "@/server/auth/permissions";

const problemStatuses: Record<number, string> = {
  400: "Invalid request (the zod issues are listed)",
  401: "Unknown or revoked key, or not signed in",
  403: "Wrong key kind, origin or role",
  413: "Body too large",
  415: "Wrong content type",
  429: "Rate limited (see Retry-After)",
  503: "Database unreachable (see Retry-After)",
};

type JsonSchema = Record<string, unknown>;

/**
 * zod puts the definitions a schema refers to (recursive ones, those with a meta id) in
 * its own `$defs`, referenced as `#/$defs/...`. Inside an OpenAPI document `#` is the
 * document, so those references would dangle: the definitions move to
 * `components.schemas` and the references follow them.
 */
function liftDefinitions(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  const { $defs, ...rest } = schema as { $defs?: Record<string, JsonSchema> };
  if (!$defs) return schema;
  const relocate = (value: JsonSchema): JsonSchema =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
  for (const [name, definition] of Object.entries($defs)) {
    const moved = relocate(definition);
    const existing = components[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(moved)) throw new Error(`Two different schemas are named ${name}`);
    components[name] = moved;
  }
  return relocate(rest);
}

type SchemaWriter = (schema: z.ZodType, io: "input" | "output") => JsonSchema;

/** JSON Schema from zod, whose shared definitions land in `components` (one per document). */
function schemaWriter(components: Record<string, JsonSchema>): SchemaWriter {
  return (schema, io) => liftDefinitions(z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }), components);
}

/** Who may call an endpoint, as OpenAPI security requirements (any one of them suffices). */
function securityOf(endpoint: Endpoint): Record<string, string[]>[] {
  if (endpoint.auth === "none") return [];
  const keyKinds = endpoint.auth === "session" ? [] : (endpoint.keyKinds ?? (["secret", "public"] as const));
  const permitted = keyKinds.filter((kind) => !endpoint.permission || keyPermissions[kind].has(endpoint.permission));
  const session = endpoint.auth === "session" || endpoint.auth === "keyOrSession";
  return [...permitted.map((kind) => ({ [`${kind}Key`]: [] })), ...(session ? [{ session: [] }] : [])];
}

/** The parameters a path names, documented from the params schema. */
function pathParameters(jsonSchema: SchemaWriter, endpoint: Endpoint, path: string) {
  type Property = { description?: string; type?: string };
  const shape = endpoint.params ? (jsonSchema(endpoint.params, "input") as { properties?: Record<string, Property> }) : {};
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name = ""]) => {
    const property: Property = shape.properties?.[name] ?? { type: "string" };
    return { name, in: "path", required: true, ...(property.description ? { description: property.description } : {}), schema: property };
  });
}

function queryParameters(jsonSchema: SchemaWriter, schema: z.ZodType | undefined) {
  if (!schema) return [];
  const shape = jsonSchema(schema, "input") as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(shape.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: (shape.required ?? []).includes(name),
    ...(property.description ? { description: property.description } : {}),
    schema: property,
  }));
}

function requestBody(jsonSchema: SchemaWriter, endpoint: Endpoint) {
  const documented = endpoint.documentedBody ?? endpoint.body;
  if (!documented) return undefined;
  const schema = jsonSchema(documented, "input");
  const mediaTypes = endpoint.rawBody?.mediaTypes ?? ["application/json", ...(endpoint.acceptTextPlain ? ["text/plain"] : [])];
  // Other encodings of the same message (OTLP protobuf, sendBeacon's text/plain JSON) are described by the JSON form.
  const content = Object.fromEntries(
    mediaTypes.map((type) => [
      type,
      type === "application/json" || type === "text/plain" ? { schema } : { schema: { type: "string", contentMediaType: type } },
    ]),
  );
  return { required: true, content };
}

function responses(jsonSchema: SchemaWriter, endpoint: Endpoint) {
  const status = endpoint.status ?? (endpoint.response ? 200 : 204);
  const answers: Record<string, unknown> = {
    [String(status)]: {
      description: endpoint.answers,
      ...(endpoint.response ? { content: { "application/json": { schema: jsonSchema(endpoint.response, "output") } } } : {}),
    },
  };
  const hasBody = Boolean(endpoint.body ?? endpoint.rawBody);
  for (const [code, description] of Object.entries(problemStatuses)) {
    if (endpoint.auth === "none" && (code === "401" || code === "403")) continue;
    if (!hasBody && (code === "413" || code === "415")) continue;
    answers[code] = { description, content: { "application/problem+json": { schema: jsonSchema(problemSchema, "output") } } };
  }
  return answers;
}

/** `POST /api/v1/datasets/{name}/versions` -> `postDatasetsNameVersions`: stable, unique per method and path. */
function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\//, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((word) => word.charAt(0).toUpperCase() + word.slice(1))].join("");
}

/** The OpenAPI 3.1 document of the public endpoints, generated from the same zod schemas that validate requests. */
export function openApiDocument(endpoints: readonly Endpoint[], serverUrl?: string) {
  const components: Record<string, JsonSchema> = {};
  const jsonSchema = schemaWriter(components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints.filter((candidate) => !candidate.internal)) {
    for (const path of endpoint.paths) {
      const body = requestBody(jsonSchema, endpoint);
      (paths[path] ??= {})[endpoint.method.toLowerCase()] = {
        operationId: operationId(endpoint.method, path),
        summary: endpoint.summary,
        security: securityOf(endpoint),
        parameters: [...pathParameters(jsonSchema, endpoint, path), ...queryParameters(jsonSchema, endpoint.query)],
        ...(body ? { requestBody: body } : {}),
        responses: responses(jsonSchema, endpoint),
      };
    }
  }
  return {
    openapi: "3.1.0" as const,
    info: { title: "Liveloop API", version: "1", description: "Feedback, traces and datasets for LLM applications." },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      securitySchemes: {
        secretKey: { type: "http", scheme: "bearer", description: "A secret key (sk_...), for servers" },
        publicKey: { type: "http", scheme: "bearer", description: "A public key (pk_...), for browsers; feedback only" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "A console session" },
      },
      schemas: components,
    },
    paths,
  };
}
