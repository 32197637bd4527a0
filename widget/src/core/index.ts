// The framework-free core: no React, usable from any page or framework.
export { createFeedbackClient, type EventExtras, type FeedbackClient, type FeedbackClientOptions } from "./feedbackClient.ts";
export type { FeedbackDeliveryError } from "./delivery.ts";
export type { RephraseOptions } from "./rephraseDetector.ts";
export type { RetryOptions } from "./backoff.ts";
export { trigramSimilarity, wordOverlapSimilarity, type SimilarityMethod } from "./similarity.ts";
export * from "./protocol.ts";
