/** One issue in a rejected payload, in the shape the problem body carries. */
export interface ProblemIssue {
  path: (string | number)[];
  message: string;
  index?: number;
}

/**
 * The family of errors a domain or the route wrapper may throw. Each carries its HTTP
 * status and a stable code; `toProblem` in the wrapper is the one place they become
 * `application/problem+json` bodies.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail?: string,
    readonly issues?: ProblemIssue[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = "AppError";
  }
}

export class BadRequestError extends AppError {
  constructor(detail: string, issues?: ProblemIssue[]) {
    super(400, "bad_request", "Bad request", detail, issues);
  }
}

export class UnauthorizedError extends AppError {
  constructor(detail = "A valid API key or session is required") {
    super(401, "unauthorized", "Unauthorized", detail);
  }
}

export class ForbiddenError extends AppError {
  constructor(detail = "You do not have permission for this action") {
    super(403, "forbidden", "Forbidden", detail);
  }
}

export class NotFoundError extends AppError {
  constructor(detail = "Not found") {
    super(404, "not_found", "Not found", detail);
  }
}

export class ConflictError extends AppError {
  constructor(detail: string) {
    super(409, "conflict", "Conflict", detail);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(413, "payload_too_large", "Payload too large", `The body must be at most ${limitBytes} bytes`);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(expected: string[]) {
    super(415, "unsupported_media_type", "Unsupported media type", `Send the body as ${expected.join(" or ")}`);
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(429, "rate_limited", "Too many requests", `Retry after ${retryAfterSeconds} s`, undefined, {
      "Retry-After": String(retryAfterSeconds),
    });
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(detail = "The database cannot be reached", retryAfterSeconds = 5) {
    super(503, "service_unavailable", "Service unavailable", detail, undefined, {
      "Retry-After": String(retryAfterSeconds),
    });
  }
}
