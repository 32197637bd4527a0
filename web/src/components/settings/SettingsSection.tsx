import type { ProjectPageAccess } from "@/server/auth/projectAccess";
import { can } from "@/server/auth/permissions";
import {
  apiKeysView,
  feedbackTokensView,
  membersView,
  modelPricesView,
  reviewRulesView,
  type SettingsSection as Section,
} from "@/server/settings/settingsView";
import { ApiKeysPanel } from "@/components/settings/ApiKeysPanel";
import { MembersPanel } from "@/components/settings/MembersPanel";
import { ProjectNameForm } from "@/components/settings/ProjectNameForm";
import { PrivacyPanel } from "@/components/settings/PrivacyPanel";
import { ReviewRulesPanel } from "@/components/settings/ReviewRulesPanel";
import { ModelPricesPanel } from "@/components/settings/ModelPricesPanel";
import { FeedbackTokensPanel } from "@/components/settings/FeedbackTokensPanel";
import { JobsPanel } from "@/components/settings/JobsPanel";
import { jobsSettingsView } from "@/server/jobs/jobsView";
import { EvaluatorsPanel } from "@/components/evaluation/EvaluatorsPanel";
import { evaluatorsSettingsView } from "@/server/evaluation/evaluatorsView";

/** One settings section, loading only what that section shows. */
export async function SettingsSection({ access, section }: { access: ProjectPageAccess; section: Section }) {
  const { project, role, user } = access;
  switch (section) {
    case "api-keys": {
      const view = await apiKeysView(project.id, role);
      return view ? <ApiKeysPanel projectId={project.id} {...view} /> : null;
    }
    case "members":
      return <MembersPanel projectId={project.id} currentUserId={user.id} {...await membersView(project.id, role)} />;
    case "project":
      return <ProjectNameForm projectId={project.id} name={project.name} editable={can(role, "project:update")} />;
    case "privacy":
      return <PrivacyPanel projectId={project.id} piiRedaction={project.piiRedaction} editable={can(role, "project:update")} />;
    case "review":
      return <ReviewRulesPanel projectId={project.id} {...await reviewRulesView(project.id, role)} />;
    case "model-prices":
      return <ModelPricesPanel projectId={project.id} {...await modelPricesView(project.id, role, new Date())} />;
    case "feedback-tokens":
      return <FeedbackTokensPanel projectId={project.id} {...await feedbackTokensView(access)} />;
    case "evaluators":
      return <EvaluatorsPanel {...await evaluatorsSettingsView(project.id, role, new Date())} />;
    case "jobs":
      return <JobsPanel {...await jobsSettingsView(project.id, role)} />;
  }
}
