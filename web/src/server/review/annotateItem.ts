import type { Database } from "@/server/db/client";
import type { AnnotationInput, ReviewStatus } from "@/contracts/review";
import { exampleIssues, type AssistantMessage } from "@/contracts/chatMessage";
import { BadRequestError, NotFoundError } from "@/server/errors";
import { assertLeaseHeld } from "@/server/review/reviewLeases";
import { getReviewRules } from "@/server/review/reviewRules";
import { addReviewedExample, defaultDatasetName } from "@/server/datasets/datasets";
import { conversationOf, messageText } from "@/server/review/conversation";
import type { Queryable } from "@/server/db/client";

/** The score name of an annotator's verdict on an answer: true for a good example, false for a failure. */
export const humanVerdictScore = "human_verdict";

/**
 * An annotation is a score too, so evaluators can be compared with people on the same
 * traces: a good example is a true verdict, a corrected failure a false one (with its
 * category as the comment); a dismissal gives none and takes back an earlier one.
 */
async function recordVerdictScore(
  tx: Queryable,
  projectId: string,
  traceId: string,
  itemId: string,
  userId: string,
  input: AnnotationInput,
) {
  const id = `annotation:${itemId}:${userId}`;
  const traceKnown = (await tx.trace.count({ where: { projectId, id: traceId } })) > 0;
  if (input.decision === "dismiss" || !traceKnown) {
    await tx.score.deleteMany({ where: { projectId, id } });
    return;
  }
  const verdict = {
    value: input.decision === "good_example" ? 1 : 0,
    comment: input.decision === "corrected_failure" ? `Failure: ${input.category ?? "uncategorised"} (${input.severity})` : "Good answer",
    authorId: userId,
  };
  await tx.score.upsert({
    where: { projectId_id: { projectId, id } },
    create: { projectId, id, traceId, name: humanVerdictScore, dataType: "boolean", source: "annotation", ...verdict },
    update: verdict,
  });
}

const annotationFields = { category: true, severity: true, correctedResponse: true, notes: true, decision: true } as const;

/**
 * Saves the annotator's verdict on the item they hold: the annotation (every change kept
 * as a revision), the item's new status once it has the annotations it needs, and, for a
 * corrected failure or a good example, the example in the dataset. All or nothing.
 */
export async function annotateItem(
  database: Database,
  projectId: string,
  itemId: string,
  userId: string,
  input: AnnotationInput,
): Promise<{ status: ReviewStatus }> {
  const rules = await getReviewRules(database, projectId);
  // The contract already demands a category for a corrected failure; a given one must be the project's.
  if (input.category !== undefined && !rules.failureCategories.includes(input.category)) {
    throw new BadRequestError(`Unknown category ${input.category}; choose one of ${rules.failureCategories.join(", ")}`);
  }
  return database.$transaction(async (tx) => {
    // Locks the item row: a concurrent claim or save waits, then sees this one's outcome.
    await tx.$executeRaw`SELECT id FROM review_items WHERE id = ${itemId}::uuid FOR UPDATE`;
    await assertLeaseHeld(tx, projectId, itemId, userId);
    const item = await tx.reviewItem.findUniqueOrThrow({
      where: { id: itemId },
      select: { traceId: true, signals: { select: { feedbackEventId: true } } },
    });
    const values = {
      category: input.category ?? null,
      severity: input.severity,
      correctedResponse: input.correctedResponse ?? null,
      notes: input.notes ?? null,
      decision: input.decision,
    };
    const before = await tx.annotation.findUnique({
      where: { itemId_annotatorId: { itemId, annotatorId: userId } },
      select: annotationFields,
    });
    const annotation = await tx.annotation.upsert({
      where: { itemId_annotatorId: { itemId, annotatorId: userId } },
      create: { projectId, itemId, annotatorId: userId, ...values },
      update: values,
      select: { id: true },
    });
    await tx.annotationRevision.create({
      data: {
        projectId,
        annotationId: annotation.id,
        editorId: userId,
        before: before ?? undefined,
        after: values,
      },
    });

    const annotations = await tx.annotation.findMany({ where: { itemId }, select: { decision: true } });
    const complete = annotations.length >= rules.annotationsPerItem;
    const status = !complete ? "open" : annotations.every((a) => a.decision === "dismiss") ? "dismissed" : "done";
    await tx.reviewItem.update({ where: { id: itemId }, data: { status, leasedById: null, leaseExpiresAt: null } });
    await recordVerdictScore(tx, projectId, item.traceId, itemId, userId, input);

    if (input.decision !== "dismiss") {
      const trace = await tx.trace.findUnique({
        where: { projectId_id: { projectId, id: item.traceId } },
        select: { input: true, output: true, model: true, release: true, promptVersion: true },
      });
      if (!trace) throw new NotFoundError(`Trace ${item.traceId} has not been received, so there is no conversation to add`);
      const { messages, answer } = conversationOf(trace.input, trace.output);
      const corrected = input.decision === "corrected_failure";
      const correction: AssistantMessage = { role: "assistant", content: input.correctedResponse ?? "" };
      const expected = corrected ? correction : answer;
      // A good example needs an answer to keep; a corrected failure keeps an empty one as no rejected answer.
      if (!corrected && messageText(answer).trim() === "") {
        throw new BadRequestError("The trace has no answer to keep as a good example; correct it instead", [
          { path: ["decision"], message: "the trace's answer is empty" },
        ]);
      }
      const rejected = corrected && messageText(answer).trim() !== "" ? answer : null;
      // Traces logged before the tool-call rule may break it: refused here rather than exported.
      const issues = exampleIssues(messages, expected, rejected);
      if (issues.length > 0) {
        throw new BadRequestError(
          "The trace's conversation breaks the tool-call rule, so it cannot become a dataset example",
          issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
        );
      }
      await addReviewedExample(tx, projectId, input.datasetName ?? defaultDatasetName, {
        reviewItemId: itemId,
        input: messages,
        expectedOutput: expected,
        rejectedOutput: rejected,
        category: input.category ?? null,
        severity: input.severity,
        provenance: {
          traceId: item.traceId,
          feedbackIds: item.signals.flatMap((signal) => (signal.feedbackEventId === null ? [] : [signal.feedbackEventId])),
          annotatorId: userId,
          model: trace.model,
          release: trace.release,
          promptVersion: trace.promptVersion,
        },
      });
    }
    return { status };
  });
}
