import { describe, expect, it } from "vitest";
import { assignableRoles, can, keyPermissions, permissions, type Role } from "@/server/auth/permissions";

describe("permission table", () => {
  it("gives each role strictly more than the one below it", () => {
    const granted = (role: Role) => permissions.filter((p) => can(role, p));
    expect(granted("viewer").every((p) => can("annotator", p))).toBe(true);
    expect(granted("annotator").every((p) => can("admin", p))).toBe(true);
    expect(granted("admin").every((p) => can("owner", p))).toBe(true);
    expect(granted("viewer").length).toBeLessThan(granted("annotator").length);
  });

  it("keeps key management from annotators and viewers", () => {
    for (const role of ["annotator", "viewer"] as const) {
      expect(can(role, "keys:manage")).toBe(false);
      expect(can(role, "keys:read")).toBe(false);
      expect(can(role, "members:manage")).toBe(false);
    }
    expect(can("annotator", "review:annotate")).toBe(true);
    expect(can("viewer", "review:annotate")).toBe(false);
    expect(can("admin", "keys:manage")).toBe(true);
  });

  it("lets a public key do nothing but send feedback and read rollout splits", () => {
    expect([...keyPermissions.public]).toEqual(["feedback:write", "rollouts:read"]);
    expect(keyPermissions.secret.has("project:read")).toBe(true);
    expect(keyPermissions.secret.has("keys:manage")).toBe(false);
  });

  it("never lets anyone hand out a role above their own", () => {
    expect(assignableRoles("owner")).toContain("owner");
    expect(assignableRoles("admin")).not.toContain("owner");
    expect(assignableRoles("annotator")).toEqual([]);
  });
});
