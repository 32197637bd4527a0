import Link from "next/link";
import { db } from "@/server/db/client";
import { can } from "@/server/auth/permissions";
import { agreementFor, type AgreementViewer } from "@/server/review/agreementQueries";

const figure = (value: number | null) => (value === null ? "—" : value.toFixed(3));

/**
 * How consistently annotators label: Krippendorff's alpha overall, Cohen's kappa per pair,
 * and the items they disagree on, as far as the viewer may see labels (agreementFor).
 */
export async function AgreementPage({ projectId, viewer }: { projectId: string; viewer: AgreementViewer }) {
  const agreement = await agreementFor(db(), projectId, viewer);
  const adjudicates = can(viewer.role, "review:adjudicate");
  return (
    <>
      <h1>Annotator agreement</h1>
      <p className="muted">
        On failure categories, over the {agreement.items} items with two or more annotations (set &quot;annotations per item&quot; in
        Settings).
      </p>
      <section className="tiles" aria-label="Agreement">
        <div className="tile">
          <span className="muted">Krippendorff&apos;s alpha (nominal)</span>
          <strong>{figure(agreement.alpha)}</strong>
        </div>
      </section>
      {adjudicates ? null : (
        <p className="muted">
          Labels stay independent: you see the pairs you are part of and disagreements on items you labelled yourself. Owners and admins see
          all of them and settle disagreements.
        </p>
      )}
      <table aria-label="Agreement per annotator pair">
        <thead>
          <tr>
            <th scope="col">Annotators</th>
            <th scope="col">Items both labelled</th>
            <th scope="col">Cohen&apos;s kappa</th>
          </tr>
        </thead>
        <tbody>
          {agreement.pairs.map((pair) => (
            <tr key={`${pair.first} ${pair.second}`}>
              <td>
                {pair.first} · {pair.second}
              </td>
              <td>{pair.items}</td>
              <td>{figure(pair.kappa)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="panel" aria-label="Disagreements">
        <h2>{adjudicates ? "Disagreements to adjudicate" : "Disagreements on items you labelled"}</h2>
        {agreement.disagreements.length === 0 ? <p className="muted">None.</p> : null}
        <ul>
          {agreement.disagreements.map((item) => (
            <li key={item.itemId}>
              <Link href={`/projects/${projectId}/review/${item.itemId}`}>{item.traceId}</Link>:{" "}
              {item.labels.map((label) => `${label.annotator} → ${(label.category ?? "no failure").replace(/_/g, " ")}`).join("; ")}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
