import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { endpoints, openApiDocument } from "@/contracts/openapi";

const apiDir = fileURLToPath(new URL("../app/api/v1", import.meta.url));

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? routeFiles(path) : name === "route.ts" ? [path] : [];
  });
}

/** Every `METHOD /api/v1/...` that a route file exports, with [param] written {param}. */
function implementedOperations(): string[] {
  return routeFiles(apiDir).flatMap((file) => {
    const route = relative(apiDir, file)
      .split(sep)
      .slice(0, -1)
      .join("/")
      .replace(/\[(\w+)\]/g, "{$1}");
    const path = `/api/v1${route ? `/${route}` : ""}`;
    const source = readFileSync(file, "utf8");
    return [...source.matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)].map((match) => `${(match[1] ?? "").toLowerCase()} ${path}`);
  });
}

describe("the OpenAPI document", () => {
  it("documents exactly the endpoints that exist", () => {
    const documented = endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`).sort();
    expect(documented).toEqual(implementedOperations().sort());
  });

  it("is OpenAPI 3.1 with JSON Schema generated from the zod contracts", () => {
    const document = openApiDocument("http://localhost:3000");
    expect(document.openapi).toBe("3.1.0");
    const setup = document.paths["/api/v1/setup"]?.post as {
      requestBody: { content: { "application/json": { schema: { required: string[]; additionalProperties: boolean } } } };
    };
    const schema = setup.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(["name", "email", "password", "projectName"]);
    expect(schema.additionalProperties).toBe(false);
    const keys = document.paths["/api/v1/projects/{projectId}/api-keys"]?.post as {
      parameters: { name: string; in: string }[];
      responses: Record<string, unknown>;
    };
    expect(keys.parameters).toEqual([expect.objectContaining({ name: "projectId", in: "path" })]);
    expect(Object.keys(keys.responses)).toEqual(expect.arrayContaining(["201", "400", "401", "403", "413", "415", "429", "503"]));
  });
});
