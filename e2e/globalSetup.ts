import { rmSync } from "node:fs";

/** The suite creates and deletes data freely: refuse to point it at anything but a local, throw-away store. */
export default function globalSetup(): void {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const host = new URL(databaseUrl).hostname;
    if (!["localhost", "127.0.0.1", "::1"].includes(host)) {
      throw new Error(`Refusing to run end-to-end tests against a non-local database (${host})`);
    }
  }
  if (!process.env.LIVELOOP_E2E_DATA_DIR?.includes("liveloop-e2e-")) {
    throw new Error("LIVELOOP_E2E_DATA_DIR must be a throw-away directory made for this run");
  }
  rmSync(new URL("./.auth", import.meta.url), { recursive: true, force: true });
}
