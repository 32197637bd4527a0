import { db } from "@/server/db/client";
import { isSetupComplete } from "@/server/setup/setup";

/** Whether this Liveloop has its first owner yet: the set-up and sign-in pages send people to the other until it does. */
export async function setupComplete(): Promise<boolean> {
  return isSetupComplete(db());
}
