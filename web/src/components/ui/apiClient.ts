"use client";

/** The console's calls to its own API, surfacing the problem body's detail as the error. */
export async function callApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => null)) as { detail?: string; errors?: { message: string }[] } | null;
  if (!response.ok) {
    const first = payload?.errors?.[0]?.message;
    throw new Error(first ? `${payload.detail ?? "Invalid"}: ${first}` : (payload?.detail ?? `Request failed (${response.status})`));
  }
  return payload as T;
}
