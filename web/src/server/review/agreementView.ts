import { db, type Queryable } from "@/server/db/client";
import { can } from "@/server/auth/permissions";
import { agreementFor, type AgreementViewer, type ProjectAgreement } from "@/server/review/agreementQueries";
import { excerpt, promptText } from "@/server/review/conversation";

export interface AgreementPageView extends Omit<ProjectAgreement, "disagreements"> {
  disagreements: (ProjectAgreement["disagreements"][number] & { question: string | null })[];
  /** Owners and admins: they see every label and settle disagreements. */
  adjudicates: boolean;
}

/** The agreement page as `viewer` may see it (agreementFor), each disagreement with its question. */
export async function loadAgreement(database: Queryable, projectId: string, viewer: AgreementViewer): Promise<AgreementPageView> {
  const agreement = await agreementFor(database, projectId, viewer);
  const traces = await database.trace.findMany({
    where: { projectId, id: { in: agreement.disagreements.map((item) => item.traceId) } },
    select: { id: true, input: true },
  });
  const questionOf = new Map(traces.map((trace) => [trace.id, excerpt(promptText(trace.input), 160)]));
  return {
    ...agreement,
    disagreements: agreement.disagreements.map((item) => ({ ...item, question: questionOf.get(item.traceId) ?? null })),
    adjudicates: can(viewer.role, "review:adjudicate"),
  };
}

/** The agreement page's view model from the process database. */
export function agreementView(projectId: string, viewer: AgreementViewer): Promise<AgreementPageView> {
  return loadAgreement(db(), projectId, viewer);
}
