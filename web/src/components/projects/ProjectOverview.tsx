import Link from "next/link";
import type { ProjectPageAccess } from "@/server/auth/projectAccess";
import { can } from "@/server/auth/permissions";

export function ProjectOverview({ access }: { access: ProjectPageAccess }) {
  return (
    <>
      <h1>{access.project.name}</h1>
      <section className="panel">
        <h2>Getting started</h2>
        <ol>
          <li>
            {can(access.role, "keys:manage") ? (
              <>
                Create a public key for the feedback widget and a secret key for your server in{" "}
                <Link href={`/projects/${access.project.id}/settings`}>Settings</Link>.
              </>
            ) : (
              <>Ask an admin of this project for API keys.</>
            )}
          </li>
          <li>
            Check the secret key: <code>curl -H &quot;Authorization: Bearer sk_…&quot; /api/v1/projects/current</code>
          </li>
          <li>
            The API is described at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
          </li>
        </ol>
      </section>
    </>
  );
}
