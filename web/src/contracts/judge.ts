import { z } from "zod";
import { exactText } from "@/contracts/common";
import { checkJudgeTemplate } from "@/contracts/judgeTemplateVariables";

export const judgeRubricNames = ["relevance", "helpfulness", "faithfulness", "toxicity", "correctness"] as const;
export type JudgeRubricName = (typeof judgeRubricNames)[number];

/** An LLM judge as a project configures it. The API key is stored encrypted and never sent back. */
export const judgeSettingsSchema = z
  .object({
    baseUrl: z
      .url({ protocol: /^https?$/, error: "Use an http or https URL" })
      .max(2000)
      .describe("Base URL of an OpenAI-compatible API, ending in /v1 (e.g. https://api.openai.com/v1)"),
    model: exactText(z.string().trim().min(1).max(200)).describe("The judge model, as the endpoint names it (e.g. gpt-4o-mini)"),
    apiKey: z.string().min(1).max(1000).optional().describe("Sent as a bearer token; stored encrypted with the instance secret"),
    rubric: z.enum(judgeRubricNames).optional().describe("A shipped rubric: its prompt and score range"),
    template: z
      .string()
      .min(1)
      .max(20_000)
      .superRefine((template, context) => {
        const problem = checkJudgeTemplate(template);
        if (problem) context.addIssue({ code: "custom", message: problem });
      })
      .optional()
      .describe("Your own instructions, with {{input}}, {{output}}, {{context}} and {{expected}}; replaces the rubric's"),
    dailyBudgetUsd: z
      .number()
      .min(0)
      .max(1_000_000)
      .optional()
      .describe("USD the judge may spend per day (UTC); once spent the evaluator pauses until the next day. 0 runs nothing"),
    timeoutSeconds: z.number().positive().max(600).optional().describe("Seconds to wait for one answer (default 30)"),
    maxAttempts: z
      .number()
      .int()
      .min(1)
      .max(10)
      .optional()
      .describe("Tries per trace on timeouts, 429, 5xx and invalid answers (default 3)"),
  })
  .strict()
  .refine((settings) => settings.rubric !== undefined || settings.template !== undefined, {
    message: "Choose a rubric or write a template",
    path: ["rubric"],
  });
export type JudgeSettings = z.infer<typeof judgeSettingsSchema>;

/** A judge score a person corrected, shown to the judge as a worked example. */
export const judgeExampleSchema = z
  .object({
    input: z.string().describe("The question of the corrected trace"),
    output: z.string().describe("The answer of the corrected trace"),
    score: z.number().describe("The score the person gave"),
    reasoning: z.string().describe("Why, in the person's words"),
  })
  .strict();
export type JudgeExample = z.infer<typeof judgeExampleSchema>;
