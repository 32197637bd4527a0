import { describe, expect, it } from "vitest";
import { checkJudgeTemplate } from "@/contracts/judgeTemplateVariables";
import { renderJudgeTemplate } from "@/server/evaluation/judge/judgeTemplate";
import { judgeRubrics } from "@/server/evaluation/judge/judgeRubrics";

const subject = { input: "Where is my parcel?", output: "It left the depot today.", contexts: ["Tracking: left depot 27 Nov."] };

describe("checkJudgeTemplate", () => {
  it("accepts the four variables (spaces allowed) and names an unknown one or a missing {{output}}", () => {
    expect(checkJudgeTemplate("Q: {{input}} A: {{ output }} C: {{context}} E: {{expected}}")).toBeNull();
    expect(checkJudgeTemplate("Q: {{question}} A: {{output}}")).toBe(
      "Unknown variable {{question}}: use {{input}}, {{output}}, {{context}}, {{expected}}",
    );
    expect(checkJudgeTemplate("Rate {{input}}")).toBe("The template must include {{output}}, the answer to judge");
  });

  it("is satisfied by every shipped rubric", () => {
    for (const rubric of Object.values(judgeRubrics)) expect(checkJudgeTemplate(rubric.userTemplate)).toBeNull();
  });
});

describe("renderJudgeTemplate", () => {
  it("fills the variables in one pass, so a trace that contains {{expected}} is not filled in again", () => {
    expect(renderJudgeTemplate("Q={{input}} A={{output}} C={{context}}", { ...subject, output: "See {{expected}}" })).toEqual({
      ok: true,
      text: "Q=Where is my parcel? A=See {{expected}} C=[1] Tracking: left depot 27 Nov.",
    });
  });

  it("names the variable a trace lacks, unless rendering an example", () => {
    expect(renderJudgeTemplate("{{output}} vs {{expected}}", subject)).toEqual({
      ok: false,
      error: "The template uses {{expected}}, but there is no expected output (only dataset runs carry one)",
    });
    expect(renderJudgeTemplate("{{context}} {{output}}", { ...subject, contexts: ["  "] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The template uses \{\{context\}\}/) as unknown,
    });
    expect(renderJudgeTemplate("{{output}} vs {{expected}}", subject, { lenient: true })).toEqual({
      ok: true,
      text: "It left the depot today. vs (not given)",
    });
  });
});
