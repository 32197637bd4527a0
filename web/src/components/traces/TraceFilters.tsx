import type { TraceListQuery } from "@/contracts/traces";

const fields = [
  ["model", "Model"],
  ["release", "Release"],
  ["promptVersion", "Prompt version"],
  ["userId", "User"],
  ["sessionId", "Session"],
] as const;

/** A plain GET form: filters live in the URL, so a filtered list can be shared as a link. */
export function TraceFilters({ query }: { query: Partial<TraceListQuery> }) {
  return (
    <form className="filters row" method="get" role="search" aria-label="Find traces">
      <label>
        Search text or trace id
        <input name="q" type="search" defaultValue={query.q ?? ""} />
      </label>
      <label>
        From (UTC)
        <input name="from" type="datetime-local" defaultValue={query.from?.slice(0, 16) ?? ""} />
      </label>
      <label>
        To (UTC)
        <input name="to" type="datetime-local" defaultValue={query.to?.slice(0, 16) ?? ""} />
      </label>
      <label>
        Status
        <select name="status" defaultValue={query.status ?? ""}>
          <option value="">any</option>
          <option value="ok">ok</option>
          <option value="error">error</option>
        </select>
      </label>
      <label>
        Feedback
        <select name="feedback" defaultValue={query.feedback ?? ""}>
          <option value="">any</option>
          <option value="negative">has negative feedback</option>
        </select>
      </label>
      {fields.map(([name, label]) => (
        <label key={name}>
          {label}
          <input name={name} defaultValue={query[name] ?? ""} />
        </label>
      ))}
      <button type="submit" className="primary">
        Apply
      </button>
    </form>
  );
}
