import { db } from "@/server/db/client";
import { assignableRoles, can, type Role } from "@/server/auth/permissions";
import type { ProjectPageAccess } from "@/server/auth/projectAccess";
import { listMembers } from "@/server/projects/members";
import { listPendingInvitations } from "@/server/accounts/invitations";
import { listProjectApiKeys } from "@/server/keys/projectApiKeys";
import { listModelPrices } from "@/server/traces/projectPrices";
import { getReviewRules } from "@/server/review/reviewRules";
import { storedFeedbackSigningSecret } from "@/server/feedback/feedbackTokens";
import type { ApiKeySummary } from "@/contracts/apiKeys";
import type { Member } from "@/contracts/members";
import type { Invitation } from "@/contracts/account";
import type { ModelPrice } from "@/contracts/modelPrices";
import type { ReviewRuleSet } from "@/contracts/review";

/** The settings sections, in the order the section nav lists them; API keys first, as most visits are for a key. */
export const settingsSections = [
  { slug: "api-keys", title: "API keys" },
  { slug: "members", title: "Members" },
  { slug: "project", title: "Project" },
  { slug: "privacy", title: "Privacy" },
  { slug: "review", title: "Review queue" },
  { slug: "model-prices", title: "Model prices" },
  { slug: "feedback-tokens", title: "Feedback tokens" },
  { slug: "evaluators", title: "Evaluators" },
  { slug: "jobs", title: "Jobs" },
] as const;
export type SettingsSection = (typeof settingsSections)[number]["slug"];

/** Sections a role may open: API keys only for those who may read keys. */
export function visibleSettingsSections(role: Role): { slug: SettingsSection; title: string }[] {
  return settingsSections.filter((section) => section.slug !== "api-keys" || can(role, "keys:read"));
}

export interface ApiKeysView {
  keys: ApiKeySummary[];
  manageable: boolean;
}

/** The project's keys; null for a role that may not see them. */
export async function apiKeysView(projectId: string, role: Role): Promise<ApiKeysView | null> {
  if (!can(role, "keys:read")) return null;
  return { keys: await listProjectApiKeys(db(), projectId), manageable: can(role, "keys:manage") };
}

export interface MembersView {
  members: Member[];
  invitations: Invitation[];
  manageable: boolean;
  canResetPasswords: boolean;
  assignable: Role[];
}

export async function membersView(projectId: string, role: Role): Promise<MembersView> {
  const database = db();
  const [members, invitations] = await Promise.all([
    listMembers(database, projectId),
    can(role, "members:read") ? listPendingInvitations(database, projectId, new Date()) : Promise.resolve([]),
  ]);
  return {
    members,
    invitations,
    manageable: can(role, "members:manage"),
    canResetPasswords: can(role, "members:reset-passwords"),
    assignable: assignableRoles(role),
  };
}

export interface ModelPricesView {
  prices: ModelPrice[];
  listPrices: { modelPattern: string; inputPerMillionUsd: number; outputPerMillionUsd: number }[];
  listPricesTakenOn: string;
  editable: boolean;
  /** Today in UTC (YYYY-MM-DD): what "Add price" starts from. */
  today: string;
}

export async function modelPricesView(projectId: string, role: Role, now: Date): Promise<ModelPricesView> {
  const prices = await listModelPrices(db(), projectId);
  return {
    prices: prices.data,
    listPrices: prices.listPrices,
    listPricesTakenOn: prices.listPricesTakenOn,
    editable: can(role, "project:update"),
    today: now.toISOString().slice(0, 10),
  };
}

export async function reviewRulesView(projectId: string, role: Role): Promise<{ rules: ReviewRuleSet; editable: boolean }> {
  return { rules: await getReviewRules(db(), projectId), editable: can(role, "project:update") };
}

export interface FeedbackTokensView {
  required: boolean;
  editable: boolean;
  /** Only for those who manage keys; null too for a project made before secrets came with projects. */
  signingSecret: string | null;
  managesSecret: boolean;
}

export async function feedbackTokensView(access: ProjectPageAccess): Promise<FeedbackTokensView> {
  const { project, role } = access;
  return {
    required: project.requireFeedbackTokens,
    editable: can(role, "project:update"),
    // Read only: a page render never creates the secret (projects get one when created).
    signingSecret: can(role, "keys:manage") ? await storedFeedbackSigningSecret(db(), project.id) : null,
    managesSecret: can(role, "keys:manage"),
  };
}
