import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { can, keyPermissions, permissions, roles, type Permission } from "@/server/auth/permissions";
import type { DeclaredRoute, RouteSpec } from "@/server/api/route";

const apiDir = fileURLToPath(new URL("../../app/api", import.meta.url));
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

// Handlers that do not go through the wrapper, each for a reason of its own.
const unwrapped = new Set([
  "GET auth/[...nextauth]", // next-auth's own sign-in, sign-out and session endpoints
  "POST auth/[...nextauth]",
  "GET bench/bare", // the no-wrapper baseline of the wrapper-overhead benchmark (404 unless enabled)
]);

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? routeFiles(path) : name === "route.ts" ? [path] : [];
  });
}

type AnySpec = RouteSpec<unknown, unknown, unknown, unknown>;

/** Every endpoint under app/api with the spec it was declared with (null for an unwrapped handler). */
async function declaredRoutes(): Promise<{ operation: string; spec: AnySpec | null }[]> {
  const found = await Promise.all(
    routeFiles(apiDir).map(async (file) => {
      const route = relative(apiDir, file).split(sep).slice(0, -1).join("/");
      const exported = (await import(file)) as Partial<Record<(typeof methods)[number], DeclaredRoute | (() => unknown)>>;
      return methods.flatMap((method) => {
        const handler = exported[method];
        if (!handler) return [];
        return [{ operation: `${method} ${route}`, spec: "spec" in handler ? handler.spec : null }];
      });
    }),
  );
  return found.flat();
}

function projectScoped(spec: AnySpec): boolean {
  return spec.params instanceof z.ZodObject && "projectId" in spec.params.shape;
}

/** Who can get past a spec's permission check: the roles and key kinds that hold it. */
function callersOf(spec: AnySpec): string[] {
  const permission = spec.permission;
  if (spec.auth === "none" || !permission) return ["anyone authenticated"];
  const keyKinds = spec.auth === "key" || spec.auth === "keyOrSession" ? (spec.keyKinds ?? (["public", "secret"] as const)) : [];
  const viaKey = keyKinds.filter((kind) => keyPermissions[kind].has(permission)).map((kind) => `${kind} key`);
  // The wrapper checks a member's role only when the path names the project.
  const viaSession =
    (spec.auth === "session" || spec.auth === "keyOrSession") && projectScoped(spec) ? roles.filter((role) => can(role, permission)) : [];
  return [...viaKey, ...viaSession];
}

describe("the permission table against the routes", () => {
  it("grants every permission to some role or key kind, and lists each once", () => {
    const holders = (permission: Permission) => [
      ...roles.filter((role) => can(role, permission)),
      ...(["public", "secret"] as const).filter((kind) => keyPermissions[kind].has(permission)),
    ];
    expect(permissions.filter((permission) => holders(permission).length === 0)).toEqual([]);
    expect(new Set(permissions).size).toBe(permissions.length);
  });

  it("lets owners and admins adjudicate and publish, and keeps both from annotators", () => {
    for (const role of ["owner", "admin"] as const) {
      expect(can(role, "review:adjudicate")).toBe(true);
      expect(can(role, "datasets:publish")).toBe(true);
    }
    for (const role of ["annotator", "viewer"] as const) {
      expect(can(role, "review:adjudicate")).toBe(false);
      expect(can(role, "datasets:publish")).toBe(false);
    }
    // CI publishes a version after uploading items, with the secret key.
    expect(keyPermissions.secret.has("datasets:publish")).toBe(true);
    expect(keyPermissions.public.has("datasets:publish")).toBe(false);
  });

  it("declares every API endpoint through the wrapper, and each one's permission is held by a caller it accepts", async () => {
    const routes = await declaredRoutes();
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((route) => route.spec === null && !unwrapped.has(route.operation)).map((route) => route.operation)).toEqual([]);
    const unreachable = routes.flatMap(({ operation, spec }) =>
      spec && callersOf(spec).length === 0 ? [`${operation} (${spec.auth}, ${spec.permission ?? "no permission"})`] : [],
    );
    expect(unreachable).toEqual([]);
  });

  it("puts publishing and removing dataset items behind datasets:publish", async () => {
    const routes = new Map((await declaredRoutes()).map((route) => [route.operation, route.spec?.permission]));
    expect(routes.get("POST v1/projects/[projectId]/datasets/[name]/versions")).toBe("datasets:publish");
    expect(routes.get("POST v1/datasets/[name]/versions")).toBe("datasets:publish");
    expect(routes.get("DELETE v1/projects/[projectId]/datasets/[name]/items/[itemId]")).toBe("datasets:publish");
    expect(routes.get("PUT v1/projects/[projectId]/review-items/[itemId]/adjudication")).toBe("review:adjudicate");
  });
});
