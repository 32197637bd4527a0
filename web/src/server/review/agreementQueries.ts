import type { Queryable } from "@/server/db/client";
import { cohensKappa, krippendorffAlphaNominal } from "@/server/review/agreement";

export interface ProjectAgreement {
  /** Items with two or more annotations. */
  items: number;
  alpha: number | null;
  pairs: { first: string; second: string; items: number; kappa: number | null }[];
  /** Not yet adjudicated. */
  disagreements: { itemId: string; traceId: string; labels: { annotator: string; category: string }[] }[];
}

/** Agreement on failure categories across the project's multiply annotated items. */
export async function projectAgreement(database: Queryable, projectId: string): Promise<ProjectAgreement> {
  const items = await database.reviewItem.findMany({
    where: { projectId, annotations: { some: {} } },
    select: {
      id: true,
      traceId: true,
      adjudicatedCategory: true,
      annotations: { select: { category: true, annotator: { select: { email: true } } } },
    },
  });
  const multiple = items.filter((item) => item.annotations.length >= 2);
  const annotators = [...new Set(multiple.flatMap((item) => item.annotations.map((a) => a.annotator.email)))].sort();
  const alpha = krippendorffAlphaNominal(
    multiple.map((item) => annotators.map((email) => item.annotations.find((a) => a.annotator.email === email)?.category ?? null)),
  );
  const pairs = annotators.flatMap((first, i) =>
    annotators.slice(i + 1).flatMap((second) => {
      const shared = multiple.flatMap((item) => {
        const a = item.annotations.find((x) => x.annotator.email === first)?.category;
        const b = item.annotations.find((x) => x.annotator.email === second)?.category;
        return a !== undefined && b !== undefined ? [[a, b] as [string, string]] : [];
      });
      return shared.length > 0 ? [{ first, second, items: shared.length, kappa: cohensKappa(shared) }] : [];
    }),
  );
  const disagreements = multiple
    .filter((item) => item.adjudicatedCategory === null && new Set(item.annotations.map((a) => a.category)).size > 1)
    .map((item) => ({
      itemId: item.id,
      traceId: item.traceId,
      labels: item.annotations.map((a) => ({ annotator: a.annotator.email, category: a.category })),
    }));
  return { items: multiple.length, alpha, pairs, disagreements };
}
