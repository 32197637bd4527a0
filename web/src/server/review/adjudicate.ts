import type { Queryable } from "@/server/db/client";
import { BadRequestError, ConflictError, NotFoundError } from "@/server/errors";
import { getReviewRules } from "@/server/review/reviewRules";

/**
 * Settles an item its annotators labelled differently: the chosen category stands for
 * the item (and its dataset example, if any). Only items with disagreeing annotations.
 */
export async function adjudicateItem(database: Queryable, projectId: string, itemId: string, userId: string, category: string, now: Date) {
  const rules = await getReviewRules(database, projectId);
  if (!rules.failureCategories.includes(category)) throw new BadRequestError(`Unknown category ${category}`);
  const item = await database.reviewItem.findFirst({
    where: { id: itemId, projectId },
    select: { annotations: { select: { category: true } } },
  });
  if (!item) throw new NotFoundError("No such review item in this project");
  if (new Set(item.annotations.map((annotation) => annotation.category)).size < 2) {
    throw new ConflictError("Only items whose annotators disagree need adjudication");
  }
  await database.reviewItem.update({
    where: { id: itemId },
    data: { adjudicatedCategory: category, adjudicatedById: userId, adjudicatedAt: now, status: "done" },
  });
  await database.datasetItem.updateMany({ where: { projectId, externalId: itemId }, data: { category } });
  return { adjudicatedCategory: category };
}
