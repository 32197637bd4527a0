import { env } from "@/env";
import { db, type Database } from "@/server/db/client";
import { isSetupComplete } from "@/server/setup/setup";
import { findDemoProject, publicDemoOwner } from "@/server/demo/demoProject";
import { instanceSecret } from "@/server/auth/instanceSecret";

export type DemoPageView =
  | { status: "setup" }
  | { status: "signIn" }
  | {
      status: "ready";
      /** The console link to the demo's traces, for members only (a public visitor is none). */
      tracesHref: string | null;
      /** The browser key for the widget; null until the first answer brings one, or when revoked. */
      publicKey: string | null;
      /** The demo project's browser key was revoked: the page cannot take feedback. */
      keyRevoked: boolean;
      /** The demo project's settings (where keys are made), for members only. */
      settingsHref: string | null;
    };

/**
 * What /demo shows, read without writing anything: the demo project is made by the first
 * question (POST /api/demo/chat), so showing the page never changes the database.
 */
export async function demoPageView(
  user: { id: string } | null,
  options: { database?: Database; publicDemo?: boolean; instanceSecret?: string } = {},
): Promise<DemoPageView> {
  const database = options.database ?? db();
  if (!(await isSetupComplete(database))) return { status: "setup" };
  const publicDemo = options.publicDemo ?? env().LIVELOOP_PUBLIC_DEMO;
  if (!user && !publicDemo) return { status: "signIn" };
  const ownerId = user?.id ?? (await publicDemoOwner(database));
  if (!ownerId) return { status: "setup" };
  const state = await findDemoProject(database, ownerId, options.instanceSecret ?? instanceSecret());
  const memberProjectId = user ? state.projectId : null;
  return {
    status: "ready",
    tracesHref: memberProjectId ? `/projects/${memberProjectId}/traces` : null,
    publicKey: state.publicKey,
    keyRevoked: state.keyRevoked,
    settingsHref: memberProjectId ? `/projects/${memberProjectId}/settings` : null,
  };
}
