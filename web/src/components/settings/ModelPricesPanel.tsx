"use client";

import { useState, type SubmitEvent } from "react";
import type { ModelPrice } from "@/contracts/modelPrices";
import { callApi } from "@/components/ui/apiClient";
import { formText } from "@/components/ui/formData";
import { useMutation } from "@/components/settings/useMutation";
import { ErrorMessage } from "@/components/ui/ErrorMessage";

interface Props {
  projectId: string;
  prices: ModelPrice[];
  listPrices: { modelPattern: string; inputPerMillionUsd: number; outputPerMillionUsd: number }[];
  listPricesTakenOn: string;
  editable: boolean;
}

/** The project's own model prices (they win over the shipped list), and recomputing past costs. */
export function ModelPricesPanel({ projectId, prices, listPrices, listPricesTakenOn, editable }: Props) {
  const { run, error, busy } = useMutation();
  const [recomputed, setRecomputed] = useState<number | null>(null);
  const base = `/api/v1/projects/${projectId}/model-prices`;

  function add(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      modelPattern: formText(form, "modelPattern"),
      inputPerMillionUsd: Number(formText(form, "input")),
      outputPerMillionUsd: Number(formText(form, "output")),
      effectiveFrom: `${formText(form, "effectiveFrom")}T00:00:00Z`,
    };
    void run(() => callApi("POST", base, input));
  }

  return (
    <section className="panel" aria-labelledby="prices-heading">
      <h2 id="prices-heading">Model prices</h2>
      <p className="muted">
        USD per million tokens. A project price wins over the list price for the models its pattern matches, for traces from its date on.
      </p>
      {prices.length === 0 ? (
        <p className="muted">No project prices: list prices apply.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Model pattern</th>
              <th scope="col">Input</th>
              <th scope="col">Output</th>
              <th scope="col">From</th>
              {editable ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {prices.map((price) => (
              <tr key={price.id}>
                <td>
                  <code>{price.modelPattern}</code>
                </td>
                <td>${price.inputPerMillionUsd}</td>
                <td>${price.outputPerMillionUsd}</td>
                <td>{price.effectiveFrom.slice(0, 10)}</td>
                {editable ? (
                  <td>
                    <button
                      type="button"
                      className="danger"
                      disabled={busy}
                      onClick={() => void run(() => callApi("DELETE", `${base}/${price.id}`))}
                    >
                      Remove price for {price.modelPattern}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable ? (
        <>
          <form className="row" onSubmit={add} style={{ marginTop: "1rem" }}>
            <label>
              Model pattern
              <input name="modelPattern" required placeholder="gpt-4o-mini*" />
            </label>
            <label>
              Input $/M
              <input name="input" type="number" min="0" step="any" required />
            </label>
            <label>
              Output $/M
              <input name="output" type="number" min="0" step="any" required />
            </label>
            <label>
              From (UTC)
              <input name="effectiveFrom" type="date" required />
            </label>
            <button type="submit" className="primary" disabled={busy}>
              Add price
            </button>
          </form>
          <p>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                void run(async () => {
                  const result = await callApi<{ traces: number }>("POST", `${base}/recompute`);
                  setRecomputed(result.traces);
                });
              }}
            >
              Recompute past costs
            </button>{" "}
            {recomputed !== null ? <span role="status">Recomputed {recomputed.toLocaleString("en")} traces.</span> : null}
          </p>
        </>
      ) : null}
      <details>
        <summary>List prices (taken {listPricesTakenOn})</summary>
        <table>
          <tbody>
            {listPrices.map((price) => (
              <tr key={price.modelPattern}>
                <td>
                  <code>{price.modelPattern}</code>
                </td>
                <td>${price.inputPerMillionUsd} in</td>
                <td>${price.outputPerMillionUsd} out</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <ErrorMessage error={error} />
    </section>
  );
}
