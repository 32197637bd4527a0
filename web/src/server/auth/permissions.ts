/**
 * The one permission table. The API wrapper, server-side checks and the UI all ask
 * `can(role, permission)`; nothing checks a role by name anywhere else.
 */
export const roles = ["owner", "admin", "annotator", "viewer"] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  "project:read",
  "project:update",
  "project:delete",
  "members:read",
  "members:manage",
  "members:reset-passwords",
  "keys:read",
  "keys:manage",
  "feedback:write",
  "feedback:read",
  "traces:write",
  "traces:read",
  "scores:write",
  "evaluators:manage",
  "drift:manage",
  "alerts:read",
  "alerts:manage",
  "review:read",
  "review:annotate",
  "review:adjudicate",
  "datasets:read",
  "datasets:write",
  "datasets:publish",
  "datasets:export",
  "rollouts:read",
  "rollouts:manage",
] as const;
export type Permission = (typeof permissions)[number];

const viewer: Permission[] = [
  "project:read",
  "members:read",
  "feedback:read",
  "traces:read",
  "alerts:read",
  "review:read",
  "datasets:read",
  "rollouts:read",
];
const annotator: Permission[] = [...viewer, "review:annotate", "datasets:write"];
const admin: Permission[] = [
  ...annotator,
  "project:update",
  "members:manage",
  "keys:read",
  "keys:manage",
  "datasets:export",
  // Publishing freezes what engineers train and test on, and removing a working item
  // changes the next version: decisions for admins, not for every annotator.
  "datasets:publish",
  // Settling a disagreement overrides annotators' labels, so it needs to see them all.
  "review:adjudicate",
  "feedback:write",
  "traces:write",
  "scores:write",
  // Evaluators spend money (a judge's tokens) and score configs decide what is refused.
  "evaluators:manage",
  // Baselines decide what counts as normal traffic, and each run spends CPU on embedding.
  "drift:manage",
  // Rules send messages to outside services and their channels hold signing secrets.
  "alerts:manage",
  // A rollout decides which release real users get.
  "rollouts:manage",
];
// A reset link takes over an account, so only owners issue them (see passwordResets.ts).
const owner: Permission[] = [...admin, "project:delete", "members:reset-passwords"];

const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(owner),
  admin: new Set(admin),
  annotator: new Set(annotator),
  viewer: new Set(viewer),
};

/** What an API key may do: a public key lives in browsers, so it may only send feedback. */
export const keyPermissions: Record<"public" | "secret", ReadonlySet<Permission>> = {
  // A page may split its own users between releases (GET /rollouts/{key}, /assign): the split
  // and its salt say which release a user gets, nothing about anybody's data.
  public: new Set<Permission>(["feedback:write", "rollouts:read"]),
  secret: new Set<Permission>([
    "project:read",
    "feedback:write",
    "feedback:read",
    "traces:write",
    "traces:read",
    "scores:write",
    "evaluators:manage",
    "drift:manage",
    "alerts:read",
    "alerts:manage",
    "review:read",
    "datasets:read",
    "datasets:write",
    // CI publishes a version after adding items (POST /api/v1/datasets/{name}/versions);
    // secret keys are made by admins (keys:manage), so they act with an admin's say here.
    "datasets:publish",
    "datasets:export",
    "rollouts:read",
    "rollouts:manage",
  ]),
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}

/** Roles a member holding `actor` may hand out or take away: never above their own. */
export function assignableRoles(actor: Role): Role[] {
  return actor === "owner" ? [...roles] : actor === "admin" ? ["admin", "annotator", "viewer"] : [];
}
