import { db } from "@/server/db/client";
import { assignableRoles, can } from "@/server/auth/permissions";
import type { ProjectPageAccess } from "@/server/auth/projectAccess";
import { listMembers } from "@/server/projects/members";
import { listPendingInvitations } from "@/server/accounts/invitations";
import { listProjectApiKeys } from "@/server/keys/projectApiKeys";
import { ProjectNameForm } from "@/components/settings/ProjectNameForm";
import { MembersPanel } from "@/components/settings/MembersPanel";
import { ApiKeysPanel } from "@/components/settings/ApiKeysPanel";
import { PrivacyPanel } from "@/components/settings/PrivacyPanel";
import { ModelPricesPanel } from "@/components/settings/ModelPricesPanel";
import { listModelPrices } from "@/server/traces/projectPrices";
import { FeedbackTokensPanel } from "@/components/settings/FeedbackTokensPanel";
import { ReviewRulesPanel } from "@/components/settings/ReviewRulesPanel";
import { getReviewRules } from "@/server/review/reviewRules";
import { storedFeedbackSigningSecret } from "@/server/feedback/feedbackTokens";

/** Settings show each section only to roles that may see it, and controls only to those that may use them. */
export async function SettingsPage({ access }: { access: ProjectPageAccess }) {
  const { project, role, user } = access;
  const database = db();
  const [members, invitations, keys, prices, signingSecret, reviewRules] = await Promise.all([
    listMembers(database, project.id),
    can(role, "members:read") ? listPendingInvitations(database, project.id, new Date()) : Promise.resolve([]),
    can(role, "keys:read") ? listProjectApiKeys(database, project.id) : Promise.resolve(null),
    listModelPrices(database, project.id),
    // Read only: a page render never creates the secret (projects get one when created).
    can(role, "keys:manage") ? storedFeedbackSigningSecret(database, project.id) : Promise.resolve(null),
    getReviewRules(database, project.id),
  ]);
  return (
    <>
      <h1>Settings</h1>
      <ProjectNameForm projectId={project.id} name={project.name} editable={can(role, "project:update")} />
      <PrivacyPanel projectId={project.id} piiRedaction={project.piiRedaction} editable={can(role, "project:update")} />
      <FeedbackTokensPanel
        projectId={project.id}
        required={project.requireFeedbackTokens}
        editable={can(role, "project:update")}
        signingSecret={signingSecret}
        managesSecret={can(role, "keys:manage")}
      />
      <ReviewRulesPanel projectId={project.id} rules={reviewRules} editable={can(role, "project:update")} />
      <MembersPanel
        projectId={project.id}
        members={members}
        invitations={invitations}
        currentUserId={user.id}
        manageable={can(role, "members:manage")}
        canResetPasswords={can(role, "members:reset-passwords")}
        assignable={assignableRoles(role)}
      />
      <ModelPricesPanel
        projectId={project.id}
        prices={prices.data}
        listPrices={prices.listPrices}
        listPricesTakenOn={prices.listPricesTakenOn}
        editable={can(role, "project:update")}
      />
      {keys ? <ApiKeysPanel projectId={project.id} keys={keys} manageable={can(role, "keys:manage")} /> : null}
    </>
  );
}
