import { z } from "zod";
import { AppError, BadRequestError, ServiceUnavailableError } from "@/server/errors";
import { isDatabaseUnavailable } from "@/server/db/client";
import type { z as zod } from "zod";

export const problemContentType = "application/problem+json";

/** Turns any thrown value into the AppError the client will see. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return fromZodError(error, "The request is invalid");
  if (isDatabaseUnavailable(error)) return new ServiceUnavailableError();
  console.error("Unhandled error in API route", error);
  return new AppError(500, "internal", "Internal server error", "Something went wrong on our side; the request changed nothing");
}

export function fromZodError(error: zod.ZodError, detail: string): BadRequestError {
  return new BadRequestError(
    detail,
    error.issues.map((issue) => ({
      path: issue.path.filter((part): part is string | number => typeof part !== "symbol"),
      message: issue.message,
    })),
  );
}

export function problemResponse(error: AppError, extraHeaders: Record<string, string> = {}): Response {
  const body = {
    type: `urn:liveloop:problem:${error.code}`,
    title: error.title,
    status: error.status,
    detail: error.message,
    ...(error.issues ? { errors: error.issues } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { "Content-Type": problemContentType, ...error.headers, ...extraHeaders },
  });
}
