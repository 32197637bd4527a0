// Server-side helpers for applications that host the widget (Node only: uses node:crypto).
export { signFeedbackToken, verifyFeedbackToken, type FeedbackTokenCheck, type FeedbackTokenClaims } from "./feedbackToken.ts";
export { assignRelease, assignmentBucket, assignmentBuckets, type ReleaseAssignment, type ReleaseRollout } from "./assignRelease.ts";
