import { describe, expect, it } from "vitest";
import { z } from "zod";
import { can, keyPermissions, permissions, roles, type Permission } from "@/server/auth/permissions";
import type { Endpoint } from "@/server/api/endpoint";
import { endpoints } from "@/server/api/endpoints";

function projectScoped(spec: Endpoint): boolean {
  return spec.params instanceof z.ZodObject && "projectId" in spec.params.shape;
}

/** Who can get past a spec's permission check: the roles and key kinds that hold it. */
function callersOf(spec: Endpoint): string[] {
  const permission = spec.permission;
  if (spec.auth === "none" || !permission) return ["anyone authenticated"];
  const keyKinds = spec.auth === "key" || spec.auth === "keyOrSession" ? (spec.keyKinds ?? (["public", "secret"] as const)) : [];
  const viaKey = keyKinds.filter((kind) => keyPermissions[kind].has(permission)).map((kind) => `${kind} key`);
  // The wrapper checks a member's role only when the path names the project.
  const viaSession =
    (spec.auth === "session" || spec.auth === "keyOrSession") && projectScoped(spec) ? roles.filter((role) => can(role, permission)) : [];
  return [...viaKey, ...viaSession];
}

/** The permission each `METHOD path` takes. */
const permissionOf = new Map(endpoints.flatMap((spec) => spec.paths.map((path) => [`${spec.method} ${path}`, spec.permission] as const)));

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

  it("holds each endpoint's permission by some caller the endpoint accepts", () => {
    expect(endpoints.length).toBeGreaterThan(30);
    const unreachable = endpoints.flatMap((spec) =>
      callersOf(spec).length === 0 ? [`${spec.method} ${spec.paths.join(" ")} (${spec.auth}, ${spec.permission ?? "no permission"})`] : [],
    );
    expect(unreachable).toEqual([]);
  });

  it("puts publishing and removing dataset items behind datasets:publish", () => {
    expect(permissionOf.get("POST /api/v1/projects/{projectId}/datasets/{name}/versions")).toBe("datasets:publish");
    expect(permissionOf.get("POST /api/v1/datasets/{name}/versions")).toBe("datasets:publish");
    expect(permissionOf.get("DELETE /api/v1/projects/{projectId}/datasets/{name}/items/{itemId}")).toBe("datasets:publish");
    expect(permissionOf.get("PUT /api/v1/projects/{projectId}/review-items/{itemId}/adjudication")).toBe("review:adjudicate");
  });
});
