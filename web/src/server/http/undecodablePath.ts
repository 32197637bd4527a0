import type { RouteHandler } from "@/server/api/route";
import { problemResponse } from "@/server/api/problem";
import { BadRequestError } from "@/server/errors";

/**
 * Whether a request path fails to percent-decode (`/api/v1/traces/%ff`). Next's router
 * throws on such a path before any route runs and answers a plain-text 500, so the web
 * server answers these itself.
 */
export function isUndecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

export const undecodablePathHandler: RouteHandler = () =>
  Promise.resolve(problemResponse(new BadRequestError("The URL path is not valid percent-encoded UTF-8")));
