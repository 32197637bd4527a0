// The framework-free core: no React, usable from any page or framework.
export { createFeedbackClient, type EventExtras, type FeedbackClient, type FeedbackClientOptions } from "./feedbackClient.ts";
export type { FeedbackDeliveryError } from "./delivery.ts";
export type { RephraseOptions } from "./rephraseDetector.ts";
export type { RetryOptions } from "./backoff.ts";
export { trigramSimilarity, wordOverlapSimilarity, type SimilarityMethod } from "./similarity.ts";
// The wire types, not the English label maps: those are UI text, for the React layer and the
// console ("@liveloop/widget/protocol"), and would count against the core's size budget.
export {
  feedbackEventTypes,
  type FeedbackEventType,
  type FeedbackEvent,
  type FeedbackBatch,
  type FeedbackRejection,
  type FeedbackBatchResult,
} from "./protocol.ts";
