import { z } from "zod";

export const healthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]).describe("ok when every dependency answers"),
    database: z.enum(["ok", "unreachable"]).describe("Whether the database answered a query"),
  })
  .strict();
export type Health = z.infer<typeof healthSchema>;
