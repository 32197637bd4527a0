import type { Queryable } from "@/server/db/client";
import { can, type Role } from "@/server/auth/permissions";
import { cohensKappa, krippendorffAlphaNominal } from "@/server/review/agreement";

/**
 * "No failure" (a good example, or a dismissal without a category) is an answer in its
 * own right: an annotator who saw no failure disagrees with one who saw a hallucination.
 * The empty string stands for it in the statistics, as no category can be empty.
 */
const noFailure = "";
const answerOf = (category: string | null) => category ?? noFailure;

/** Whether annotators gave different answers ("no failure" is an answer of its own), so an owner or admin may settle it. */
export function annotatorsDisagree(categories: (string | null)[]): boolean {
  return new Set(categories.map(answerOf)).size > 1;
}

export interface ProjectAgreement {
  /** Items with two or more annotations. */
  items: number;
  alpha: number | null;
  pairs: { first: string; second: string; items: number; kappa: number | null }[];
  /** Not yet adjudicated. */
  disagreements: { itemId: string; traceId: string; annotatorIds: string[]; labels: { annotator: string; category: string | null }[] }[];
}

/** Agreement on failure categories across the project's multiply annotated items. */
export async function projectAgreement(database: Queryable, projectId: string): Promise<ProjectAgreement> {
  const items = await database.reviewItem.findMany({
    where: { projectId, annotations: { some: {} } },
    select: {
      id: true,
      traceId: true,
      adjudicatedAt: true,
      annotations: { select: { category: true, annotatorId: true, annotator: { select: { email: true } } } },
    },
  });
  const multiple = items.filter((item) => item.annotations.length >= 2);
  const annotators = [...new Set(multiple.flatMap((item) => item.annotations.map((a) => a.annotator.email)))].sort();
  const alpha = krippendorffAlphaNominal(
    multiple.map((item) =>
      annotators.map((email) => {
        const annotation = item.annotations.find((a) => a.annotator.email === email);
        return annotation ? answerOf(annotation.category) : null;
      }),
    ),
  );
  const pairs = annotators.flatMap((first, i) =>
    annotators.slice(i + 1).flatMap((second) => {
      const shared = multiple.flatMap((item) => {
        const a = item.annotations.find((x) => x.annotator.email === first);
        const b = item.annotations.find((x) => x.annotator.email === second);
        return a && b ? [[answerOf(a.category), answerOf(b.category)] as [string, string]] : [];
      });
      return shared.length > 0 ? [{ first, second, items: shared.length, kappa: cohensKappa(shared) }] : [];
    }),
  );
  const disagreements = multiple
    .filter((item) => item.adjudicatedAt === null && annotatorsDisagree(item.annotations.map((a) => a.category)))
    .map((item) => ({
      itemId: item.id,
      traceId: item.traceId,
      annotatorIds: item.annotations.map((a) => a.annotatorId),
      labels: item.annotations.map((a) => ({ annotator: a.annotator.email, category: a.category })),
    }));
  return { items: multiple.length, alpha, pairs, disagreements };
}

export interface AgreementViewer {
  userId: string;
  email: string;
  role: Role;
}

/**
 * Annotations are independent: a person sees others' labels on an item only once they
 * have labelled it themselves, unless they may adjudicate (owners and admins), who must
 * see every label to settle a disagreement. The item page and the agreement page both
 * follow this rule.
 */
export function seesOthersLabels(viewer: Pick<AgreementViewer, "userId" | "role">, annotatorIds: string[]): boolean {
  return can(viewer.role, "review:adjudicate") || annotatorIds.includes(viewer.userId);
}

/**
 * The agreement page as one person may see it. Adjudicators get everything. Everyone
 * else gets the overall figures (item count, alpha: aggregates that name no label), the
 * pairs they are part of (only items they labelled themselves, whose labels the item page
 * already shows them), and the disagreements on items they labelled; never the labels
 * others gave on items they have not labelled yet.
 */
export async function agreementFor(database: Queryable, projectId: string, viewer: AgreementViewer): Promise<ProjectAgreement> {
  const agreement = await projectAgreement(database, projectId);
  if (can(viewer.role, "review:adjudicate")) return agreement;
  return {
    ...agreement,
    pairs: agreement.pairs.filter((pair) => pair.first === viewer.email || pair.second === viewer.email),
    disagreements: agreement.disagreements.filter((item) => seesOthersLabels(viewer, item.annotatorIds)),
  };
}
