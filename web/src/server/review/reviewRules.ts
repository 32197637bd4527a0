import type { Queryable } from "@/server/db/client";
import { defaultFailureCategories, type ReviewRuleSet } from "@/contracts/review";

export const defaultReviewRules: ReviewRuleSet = {
  thumbsDown: true,
  ratingThreshold: 2,
  reports: true,
  rephrases: true,
  lowScores: true,
  positiveSampleRate: 0.05,
  annotationsPerItem: 1,
  failureCategories: defaultFailureCategories,
  maxNewItemsPerHour: 500,
};

const rulesSelect = {
  thumbsDown: true,
  ratingThreshold: true,
  reports: true,
  rephrases: true,
  lowScores: true,
  positiveSampleRate: true,
  annotationsPerItem: true,
  failureCategories: true,
  maxNewItemsPerHour: true,
} as const;

/** The project's routing rules; the defaults until someone changes them. */
export async function getReviewRules(database: Queryable, projectId: string): Promise<ReviewRuleSet> {
  const row = await database.reviewRules.findUnique({ where: { projectId }, select: rulesSelect });
  return row ?? defaultReviewRules;
}

export async function updateReviewRules(database: Queryable, projectId: string, update: Partial<ReviewRuleSet>): Promise<ReviewRuleSet> {
  return database.reviewRules.upsert({
    where: { projectId },
    create: { ...defaultReviewRules, ...update, projectId },
    update,
    select: rulesSelect,
  });
}
