import { defaultReasonLabels, defaultReportCategoryLabels } from "@liveloop/widget/protocol";
import type { annotationDecisions, reviewReasons, reviewStatuses, severities } from "@/contracts/review";
import type { Role } from "@/server/auth/permissions";

/**
 * What a person reads instead of a stored key. Known keys have a written label; any other
 * key (a project's own failure category, a host app's own reason chip) is turned into
 * words: "lack_of_knowledge" reads "Lack of knowledge".
 */
export function labelFromKey(key: string): string {
  const words = key.replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

function lookup(labels: Readonly<Record<string, string>>) {
  return (key: string): string => (Object.hasOwn(labels, key) ? (labels[key] ?? key) : labelFromKey(key));
}

export const reviewReasonLabel: Record<(typeof reviewReasons)[number], string> = {
  report: "Report",
  thumbs_down: "Thumbs down",
  low_rating: "Low rating",
  low_score: "Low score",
  rephrase: "Rephrased",
  sampled_positive: "Sampled positive",
  drift: "Drift",
};

export const reviewStatusLabel: Record<(typeof reviewStatuses)[number], string> = {
  open: "Open",
  in_review: "In review",
  done: "Done",
  dismissed: "Dismissed",
};

export const decisionLabel: Record<(typeof annotationDecisions)[number], string> = {
  corrected_failure: "Corrected failure",
  good_example: "Good example",
  dismiss: "Dismissed",
};

export const severityLabel: Record<(typeof severities)[number], string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

export const roleLabel: Record<Role, string> = { owner: "Owner", admin: "Admin", annotator: "Annotator", viewer: "Viewer" };

/** Failure categories: the defaults read as written here, a project's own as words. */
export const failureCategoryLabel = lookup({ pii_leak: "PII leak", unsafe_or_toxic: "Unsafe or toxic" });

/** What an owner or admin settled a disagreement on: a failure category, or none. */
export const settledLabel = (category: string | null): string => (category === null ? "No failure" : failureCategoryLabel(category));

/** Reasons an end user picked in the widget ("off_topic" reads "Not what I asked"). */
export const feedbackReasonLabel = lookup(defaultReasonLabels);

/** Report categories an end user picked in the widget's report dialog. */
export const reportCategoryLabel = lookup(defaultReportCategoryLabels);
