import { describe, expect, it } from "vitest";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { getTrace, listTraces } from "@/server/traces/traceQueries";
import { sessionConversation } from "@/server/traces/sessionQueries";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { traceListQuerySchema } from "@/contracts/traces";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

const now = new Date("2026-11-27T12:00:00Z");
const trace = (id: string, minute: number) => ({
  id,
  sessionId: "s-1",
  startTime: `2026-11-27T11:0${minute}:00.000Z`,
  output: `answer ${id}`,
});
const feedback = (id: string, traceId: string, fields: Record<string, unknown>, minute = 5) => ({
  id,
  traceId,
  timestamp: `2026-11-27T11:0${minute}:00.000Z`,
  ...fields,
});

describe.each(await testDatabaseKinds())("feedback in the trace views on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("filters traces to those with negative feedback, by each trace's latest thumb and rating", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await ingestTraces(
      test.database,
      project.id,
      ["down", "withdrawn", "low", "high", "report", "none"].map((id, i) => trace(id, i)),
    );
    await ingestFeedback(
      test.database,
      project.id,
      [
        feedback("1", "down", { type: "thumb", value: -1 }),
        feedback("2", "withdrawn", { type: "thumb", value: -1 }, 5),
        feedback("3", "withdrawn", { type: "thumb", value: 0 }, 6),
        feedback("4", "low", { type: "rating", value: 2 }),
        feedback("5", "high", { type: "rating", value: 3, scale: 3 }),
        feedback("6", "report", { type: "report", category: "harmful" }),
      ],
      now,
    );
    const negative = await listTraces(test.database, project.id, traceListQuerySchema.parse({ feedback: "negative" }));
    expect(negative.data.map((row) => row.id)).toEqual(["report", "low", "down"]);
  });

  it("shows a trace's feedback newest first, in the trace and in its session's conversation", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await ingestTraces(test.database, project.id, [trace("t1", 0), trace("t2", 1)]);
    await ingestFeedback(
      test.database,
      project.id,
      [
        feedback("a", "t1", { type: "thumb", value: -1 }, 2),
        feedback("b", "t1", { type: "comment", comment: "Wrong store hours" }, 3),
        feedback("c", "t2", { type: "copy" }, 4),
      ],
      now,
    );
    expect((await getTrace(test.database, project.id, "t1")).feedback.map((event) => [event.id, event.type, event.comment])).toEqual([
      ["b", "comment", "Wrong store hours"],
      ["a", "thumb", null],
    ]);
    const turns = await sessionConversation(test.database, project.id, "s-1");
    expect(turns.map((turn) => [turn.id, turn.feedback.map((event) => event.id)])).toEqual([
      ["t1", ["b", "a"]],
      ["t2", ["c"]],
    ]);
  });
});
