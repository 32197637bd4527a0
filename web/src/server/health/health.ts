import type { Database } from "@/server/db/client";
import { isDatabaseUnavailable } from "@/server/db/client";
import { ServiceUnavailableError } from "@/server/errors";
import type { Health } from "@/contracts/health";

/** Health of the service: 503 (via ServiceUnavailableError) when the database does not answer. */
export async function checkHealth(database: Database): Promise<Health> {
  try {
    await database.$queryRaw`SELECT 1`;
    return { status: "ok", database: "ok" };
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw new ServiceUnavailableError("The database cannot be reached");
    throw error;
  }
}
