import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Validator } from "@seriousme/openapi-schema-validator";
import { endpoints, leanRouteMatcher, leanRouteTable } from "@/server/api/endpoints";
import { openApiDocument } from "@/server/api/openApiDocument";
import { generatedRouteFiles, unregisteredRouteFiles } from "@/server/api/routeFiles";
import { keyPermissions } from "@/server/auth/permissions";

const apiDir = fileURLToPath(new URL("../../app/api", import.meta.url));

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? routeFiles(path) : name === "route.ts" ? [relative(apiDir, path).split(sep).join("/")] : [];
  });
}

const placeholders = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name ?? "");

describe("the endpoint list", () => {
  it("is what the route files under app/api serve, file for file (npm run routes -w @liveloop/web rewrites them)", () => {
    const generated = generatedRouteFiles();
    const onDisk = routeFiles(apiDir).filter((file) => !unregisteredRouteFiles.includes(file));
    expect(onDisk.sort()).toEqual([...generated.keys()].sort());
    for (const [file, source] of generated) expect(readFileSync(join(apiDir, file), "utf8"), file).toBe(source);
  });

  it("declares each method and path once", () => {
    const operations = endpoints.flatMap((spec) => spec.paths.map((path) => `${spec.method} ${path}`));
    expect(operations.filter((operation, index) => operations.indexOf(operation) !== index)).toEqual([]);
  });

  it("parses exactly the parameters each path names", () => {
    const mismatched = endpoints.flatMap((spec) =>
      spec.paths.flatMap((path) => {
        const shape = spec.params instanceof z.ZodObject ? (spec.params.shape as Record<string, z.ZodType>) : {};
        const required = Object.keys(shape).filter((name) => !shape[name]?.safeParse(undefined).success);
        const named = placeholders(path);
        const fits = named.every((name) => name in shape) && required.every((name) => named.includes(name));
        return fits
          ? []
          : [`${spec.method} ${path}: path names ${named.join(",") || "none"}, schema has ${Object.keys(shape).join(",") || "none"}`];
      }),
    );
    expect(mismatched).toEqual([]);
  });

  it("answers preflights exactly where browsers may call with a public key", () => {
    const publicKeyCallable = (spec: (typeof endpoints)[number]) =>
      spec.auth !== "none" &&
      spec.auth !== "session" &&
      (spec.keyKinds ?? ["public"]).includes("public") &&
      (!spec.permission || keyPermissions.public.has(spec.permission));
    expect(endpoints.filter((spec) => publicKeyCallable(spec) !== Boolean(spec.browser)).map((spec) => spec.paths[0])).toEqual([]);
  });

  it("serves the hot paths from the lean table, with the browser preflights, and finds templated ones with their parameters", () => {
    const table = leanRouteTable();
    expect([...table.keys()].sort()).toEqual([
      "GET /api/v1/projects/{projectId}/rollouts/{key}",
      "GET /api/v1/projects/{projectId}/rollouts/{key}/assign",
      "GET /api/v1/rollouts/{key}",
      "GET /api/v1/rollouts/{key}/assign",
      "OPTIONS /api/v1/feedback",
      "OPTIONS /api/v1/projects/{projectId}/rollouts/{key}",
      "OPTIONS /api/v1/projects/{projectId}/rollouts/{key}/assign",
      "OPTIONS /api/v1/rollouts/{key}",
      "OPTIONS /api/v1/rollouts/{key}/assign",
      "POST /api/v1/feedback",
      "POST /api/v1/traces",
    ]);
    const match = leanRouteMatcher();
    expect(match("GET", "/api/v1/rollouts/chat%20answer/assign")?.params).toEqual({ key: "chat answer" });
    expect(match("POST", "/api/v1/traces")?.params).toBeUndefined();
    expect(match("GET", "/api/v1/rollouts/a/b/assign")).toBeNull();
    expect(match("GET", "/api/v1/rollouts/%E0%A4%A/assign")).toBeNull();
    expect(match("POST", "/api/v1/rollouts/x/promote")).toBeNull();
  });
});

describe("the OpenAPI document", () => {
  const document = openApiDocument(endpoints, "http://localhost:3000");

  it("is valid OpenAPI 3.1 by the specification's own schema", async () => {
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("documents every public endpoint and leaves out the internal ones", () => {
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const expected = endpoints.filter((spec) => !spec.internal).flatMap((spec) => spec.paths.map((path) => `${spec.method} ${path}`));
    expect(documented.sort()).toEqual(expected.sort());
    expect(documented.some((operation) => operation.includes("/api/demo/") || operation.includes("/api/bench/"))).toBe(false);
  });

  it("carries JSON Schema generated from the zod contracts, with path parameters and problem answers", () => {
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
    expect(keys.parameters).toEqual([expect.objectContaining({ name: "projectId", in: "path", required: true })]);
    expect(Object.keys(keys.responses)).toEqual(expect.arrayContaining(["201", "400", "401", "403", "413", "415", "429", "503"]));
  });

  it("documents one dataset export at both of its paths, for keys and for members", () => {
    const byKey = document.paths["/api/v1/datasets/{name}/export"]?.get as { parameters: { name: string }[]; security: object[] };
    const byMember = document.paths["/api/v1/projects/{projectId}/datasets/{name}/export"]?.get as typeof byKey;
    expect(byKey.parameters.filter((parameter) => parameter.name === "projectId")).toEqual([]);
    expect(byMember.parameters.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(["projectId", "name", "format"]));
    expect(byKey.security).toEqual([{ secretKey: [] }, { session: [] }]);
  });
});
