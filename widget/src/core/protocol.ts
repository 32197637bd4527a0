/**
 * The wire format the widget sends to `POST /api/v1/feedback`. The widget owns these
 * types; the server's zod schema is checked against them at compile time.
 */
/**
 * The reason and report-category keys the widget offers by default, with their English
 * labels. Keys are what the server stores (so reports compare across languages); the
 * console shows these labels, the widget its own locale's.
 */
export const defaultReasonLabels: Readonly<Record<string, string>> = {
  incorrect: "Wrong or inaccurate",
  off_topic: "Not what I asked",
  incomplete: "Incomplete",
  too_long: "Too long",
  unsafe: "Unsafe or offensive",
};
export const defaultReportCategoryLabels: Readonly<Record<string, string>> = {
  harmful: "Harmful or offensive",
  incorrect: "Factually wrong",
  privacy: "Privacy concern",
  other: "Something else",
};

export const feedbackEventTypes = ["thumb", "rating", "reasons", "comment", "report", "copy", "rephrase", "regenerate"] as const;
export type FeedbackEventType = (typeof feedbackEventTypes)[number];

export interface FeedbackEvent {
  /** Client-generated id (crypto.randomUUID()); a retry with the same id is stored once. */
  id: string;
  type: FeedbackEventType;
  /** The answer's id in the host application. */
  traceId: string;
  /** ISO 8601 time the user acted. */
  timestamp: string;
  sessionId?: string;
  userId?: string;
  feedbackToken?: string;
  /** thumb: 1 up, -1 down, 0 withdrawn; rating: 1..scale; rephrase: similarity 0..1. */
  value?: number;
  /** Rating scale, default 5. */
  scale?: number;
  reasons?: string[];
  comment?: string;
  /** Report category. */
  category?: string;
  metadata?: Record<string, unknown>;
}

export interface FeedbackBatch {
  events: FeedbackEvent[];
}

export interface FeedbackRejection {
  /** null when the refused event carried no usable id. */
  id: string | null;
  index: number;
  status: number;
  message: string;
}

/** 200 when every event was stored or already had been, 207 when any was rejected. */
export interface FeedbackBatchResult {
  accepted: string[];
  duplicates: string[];
  rejected: FeedbackRejection[];
}
