import { FeedbackBar } from "./FeedbackBar.tsx";
import { Thumbs } from "./Thumbs.tsx";
import { Stars } from "./Stars.tsx";
import { Reasons } from "./Reasons.tsx";
import { ReportDialog } from "./ReportDialog.tsx";
import { CopyButton } from "./CopyButton.tsx";
import { FeedbackAnswer } from "./FeedbackAnswer.tsx";

/** The components, composed like Radix: `<Feedback.Bar traceId="...">` alone, or with your own parts inside. */
export const Feedback = { Bar: FeedbackBar, Thumbs, Stars, Reasons, ReportDialog, CopyButton, Answer: FeedbackAnswer };

export { FeedbackProvider, useFeedback, type FeedbackProviderProps, type FeedbackTheme, type FeedbackPart } from "./FeedbackProvider.tsx";
export { useFeedbackBar, type FeedbackBarProps, type ThumbState } from "./FeedbackBar.tsx";
export type { StarsProps } from "./Stars.tsx";
export type { ReasonsProps } from "./Reasons.tsx";
export type { ReportDialogProps } from "./ReportDialog.tsx";
export type { CopyButtonProps } from "./CopyButton.tsx";
export { resolveLabels, type FeedbackLabels } from "./labels.ts";
export { widgetStyles } from "./styles.ts";
export * from "../core/index.ts";
