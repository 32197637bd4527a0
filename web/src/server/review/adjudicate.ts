import type { Queryable } from "@/server/db/client";
import { BadRequestError, ConflictError, NotFoundError } from "@/server/errors";
import { getReviewRules } from "@/server/review/reviewRules";
import { annotatorsDisagree } from "@/server/review/agreementQueries";

/**
 * Settles an item its annotators labelled differently: the chosen category stands for
 * the item (and its dataset example, if any); null says the answer had no failure, so a
 * good example stays one instead of being labelled with a failure it does not have.
 * Only items with disagreeing annotations.
 */
export async function adjudicateItem(
  database: Queryable,
  projectId: string,
  itemId: string,
  userId: string,
  category: string | null,
  now: Date,
): Promise<{ adjudicatedCategory: string | null }> {
  const rules = await getReviewRules(database, projectId);
  if (category !== null && !rules.failureCategories.includes(category)) throw new BadRequestError(`Unknown category ${category}`);
  const item = await database.reviewItem.findFirst({
    where: { id: itemId, projectId },
    select: { annotations: { select: { category: true } } },
  });
  if (!item) throw new NotFoundError("No such review item in this project");
  if (!annotatorsDisagree(item.annotations.map((annotation) => annotation.category))) {
    throw new ConflictError("Only items whose annotators disagree need adjudication");
  }
  await database.reviewItem.update({
    where: { id: itemId },
    data: { adjudicatedCategory: category, adjudicatedById: userId, adjudicatedAt: now, status: "done" },
  });
  await database.datasetItem.updateMany({ where: { projectId, externalId: itemId }, data: { category } });
  return { adjudicatedCategory: category };
}
