import type { Prisma } from "@/generated/prisma/client";
import type { Database, Queryable } from "@/server/db/client";
import {
  datasetAssertionSchema,
  storedDatasetAssertionSchema,
  type DatasetAssertion,
  type DatasetAssertions,
} from "@/contracts/datasetAssertions";
import { BadRequestError, NotFoundError } from "@/server/errors";

/** The dataset's id and declared assertions (empty: the default assertion applies). */
export async function datasetWithAssertions(
  database: Queryable,
  projectId: string,
  name: string,
): Promise<{ id: string; assertions: DatasetAssertion[] }> {
  const dataset = await database.dataset.findUnique({
    where: { projectId_name: { projectId, name } },
    select: { id: true, assertions: true },
  });
  if (!dataset) throw new NotFoundError(`No dataset named ${name} in this project`);
  // Stored by setDatasetAssertions after validation; parsed again so a hand-edited row fails
  // loudly, leniently for what was valid when declared (storedDatasetAssertionSchema).
  return { id: dataset.id, assertions: storedDatasetAssertionSchema.array().parse(dataset.assertions ?? []) };
}

export async function datasetAssertionsOf(database: Database, projectId: string, name: string): Promise<DatasetAssertions> {
  const { assertions } = await datasetWithAssertions(database, projectId, name);
  return { assertions };
}

/**
 * Replaces what the dataset's runs are checked against. A judge or pairwise assertion must
 * name an LLM-judge evaluator of the project, or every output would be an error.
 */
export async function setDatasetAssertions(
  database: Database,
  projectId: string,
  name: string,
  input: DatasetAssertions,
): Promise<DatasetAssertions> {
  const { id } = await datasetWithAssertions(database, projectId, name);
  const judgeOf = (assertion: DatasetAssertion) =>
    assertion.type === "judge" || assertion.type === "pairwise" ? assertion.evaluator : undefined;
  const judgeNames = [...new Set(input.assertions.flatMap((assertion) => judgeOf(assertion) ?? []))];
  if (judgeNames.length > 0) {
    const found = await database.evaluator.findMany({
      where: { projectId, name: { in: judgeNames }, kind: "llm_judge" },
      select: { name: true },
    });
    const known = new Set(found.map((evaluator) => evaluator.name));
    const issues = input.assertions.flatMap((assertion, index) => {
      const judge = judgeOf(assertion);
      return judge !== undefined && !known.has(judge)
        ? [{ path: ["assertions", index, "evaluator"], message: `no LLM-judge evaluator named ${judge} in this project` }]
        : [];
    });
    if (issues.length > 0) throw new BadRequestError(issues.map((issue) => issue.message).join("; "), issues);
  }
  await database.dataset.update({ where: { id }, data: { assertions: input.assertions as Prisma.InputJsonValue } });
  return { assertions: input.assertions };
}

// An upload asks for every output about the same few stored assertions: parse each once.
const problems = new WeakMap<DatasetAssertion, string | null>();

/**
 * Why a stored assertion cannot run any more (what declaring it now would refuse: a
 * pattern RE2 refuses, a schema Ajv refuses, a score name no longer built in), or null.
 */
export function storedAssertionProblem(assertion: DatasetAssertion): string | null {
  let problem = problems.get(assertion);
  if (problem === undefined) {
    const parsed = datasetAssertionSchema.safeParse(assertion);
    problem = parsed.success
      ? null
      : parsed.error.issues.map((issue) => `${issue.path.join(".") || assertion.type}: ${issue.message}`).join("; ");
    problems.set(assertion, problem);
  }
  return problem;
}
