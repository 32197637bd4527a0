import Link from "next/link";
import { db } from "@/server/db/client";
import { listSessions } from "@/server/traces/sessionQueries";
import { formatTime } from "@/components/traces/format";

export async function SessionsPage({ projectId }: { projectId: string }) {
  const sessions = await listSessions(db(), projectId);
  return (
    <>
      <h1>Sessions</h1>
      <section className="panel">
        {sessions.length === 0 ? (
          <p className="muted">No traces with a sessionId yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">User</th>
                <th scope="col">Turns</th>
                <th scope="col">Started</th>
                <th scope="col">Last activity</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.sessionId}>
                  <td>
                    <Link href={`/projects/${projectId}/sessions/${encodeURIComponent(session.sessionId)}`}>{session.sessionId}</Link>
                  </td>
                  <td>{session.userId ?? "—"}</td>
                  <td>{session.traceCount}</td>
                  <td>{formatTime(session.firstAt)}</td>
                  <td>{formatTime(session.lastAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
