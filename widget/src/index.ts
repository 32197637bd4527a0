export { feedbackEventTypes } from "./core/protocol.ts";
export type { FeedbackBatch, FeedbackBatchResult, FeedbackEvent, FeedbackEventType, FeedbackRejection } from "./core/protocol.ts";
