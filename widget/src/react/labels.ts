import { defaultReasonLabels, defaultReportCategoryLabels } from "../core/protocol.ts";

/**
 * Every text the widget shows. English is built in; German, French and Spanish sets live
 * in "@liveloop/widget/locales" (so apps that do not need them do not download them).
 * Pass a set, or any part of one, as `labels`.
 */
export interface FeedbackLabels {
  bar: string;
  helpful: string;
  notHelpful: string;
  rating: string;
  /** `{value}` and `{scale}` are replaced. */
  star: string;
  reasonsPrompt: string;
  reasons: Record<string, string>;
  commentLabel: string;
  submit: string;
  thanks: string;
  report: string;
  reportTitle: string;
  reportDescription: string;
  category: string;
  /** The empty first choice of the category list. */
  chooseCategory: string;
  /** Shown when a report is sent without a category. */
  categoryRequired: string;
  categories: Record<string, string>;
  details: string;
  cancel: string;
  /** The dialog's close button (an icon, so this is its only name). */
  close: string;
  sendReport: string;
  reportSent: string;
  copy: string;
  copied: string;
}

// Reason and category keys are what the server stores, so reports compare across languages.
const en: FeedbackLabels = {
  bar: "Rate this answer",
  helpful: "Helpful",
  notHelpful: "Not helpful",
  rating: "Rating",
  star: "{value} of {scale} stars",
  reasonsPrompt: "What went wrong?",
  reasons: { ...defaultReasonLabels },
  commentLabel: "Tell us more (optional)",
  submit: "Send feedback",
  thanks: "Thanks for your feedback",
  report: "Report an issue",
  reportTitle: "Report an issue with this answer",
  reportDescription: "The team reviews every report.",
  category: "Category",
  chooseCategory: "Choose a category…",
  categoryRequired: "Choose a category before sending the report.",
  categories: { ...defaultReportCategoryLabels },
  details: "What happened?",
  cancel: "Cancel",
  close: "Close",
  sendReport: "Send report",
  reportSent: "Report sent",
  copy: "Copy",
  copied: "Copied",
};

export { en };

/** English, with any labels overridden (pass a whole set from "@liveloop/widget/locales" to switch language). */
export function resolveLabels(overrides: Partial<FeedbackLabels> = {}): FeedbackLabels {
  return { ...en, ...overrides };
}

export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
