import { vi } from "vitest";

export interface SentRequest {
  method: string;
  url: string;
  body: unknown;
}

/** Answers the console's API calls (global fetch) with `reply` and records what was sent. */
export function stubConsoleApi(reply: (sent: SentRequest) => Response): SentRequest[] {
  const sent: SentRequest[] = [];
  vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
    const request = { method: init.method ?? "GET", url, body: typeof init.body === "string" ? (JSON.parse(init.body) as unknown) : null };
    sent.push(request);
    return Promise.resolve(reply(request));
  });
  return sent;
}
