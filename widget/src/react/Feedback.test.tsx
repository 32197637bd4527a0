// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import "@testing-library/jest-dom/vitest";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { useState } from "react";
import { createFeedbackClient } from "../core/feedbackClient.ts";
import type { FeedbackBatch, FeedbackEvent } from "../core/protocol.ts";
import { Feedback, FeedbackProvider, type FeedbackProviderProps, type ThumbState } from "./index.ts";
import { de, es, fr } from "../locales/index.ts";

/** A real client whose requests are answered here, one event per request, so each click is visible at once. */
function recordingClient() {
  const sent: FeedbackEvent[] = [];
  const client = createFeedbackClient({
    endpoint: "https://liveloop.test",
    publicKey: "pk_test",
    storage: null,
    batchSize: 1,
    fetch: (_url, init) => {
      const batch = JSON.parse(init?.body as string) as FeedbackBatch;
      sent.push(...batch.events);
      return Promise.resolve(Response.json({ accepted: batch.events.map((e) => e.id), duplicates: [], rejected: [] }));
    },
  });
  return { client, sent };
}

function renderBar(bar: React.ReactNode, provider: Partial<FeedbackProviderProps> = {}) {
  const recording = recordingClient();
  const view = render(
    <FeedbackProvider client={recording.client} {...provider}>
      {bar}
    </FeedbackProvider>,
  );
  return { ...recording, ...view };
}

/**
 * axe-core over the whole document (the dialog is portalled to <body>). Off: colour
 * contrast (needs layout, which happy-dom has not; checked in Chromium by the e2e suite)
 * and "region" (landmarks are the host page's business, not a widget's).
 */
async function expectNoAxeViolations() {
  const results = await axe.run(document.body, { rules: { "color-contrast": { enabled: false }, region: { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
}

afterEach(() => {
  vi.useRealTimers();
  cleanup();
  document.head.querySelector("#liveloop-styles")?.remove();
});

describe("Feedback.Bar", () => {
  it("sends thumbs-down, then the chosen reasons and the comment, and thanks the user", async () => {
    const user = userEvent.setup();
    const { sent } = renderBar(<Feedback.Bar traceId="answer-1" sessionId="s-1" />);
    await expectNoAxeViolations();
    const bar = screen.getByRole("group", { name: "Rate this answer" });
    expect(bar).toHaveAttribute("data-state", "none");

    await user.click(screen.getByRole("button", { name: "Not helpful" }));
    expect(screen.getByRole("button", { name: "Not helpful" })).toHaveAttribute("aria-pressed", "true");
    expect(bar).toHaveAttribute("data-state", "down");
    await expectNoAxeViolations();

    await user.click(screen.getByRole("button", { name: "Wrong or inaccurate" }));
    await user.click(screen.getByRole("button", { name: "Too long" }));
    await user.click(screen.getByRole("button", { name: "Too long" }));
    await user.click(screen.getByRole("button", { name: "Incomplete" }));
    await user.type(screen.getByLabelText("Tell us more (optional)"), "It quoted last year's prices.");
    await user.click(screen.getByRole("button", { name: "Send feedback" }));

    expect(screen.getByRole("status")).toHaveTextContent("Thanks for your feedback");
    expect(screen.queryByRole("button", { name: "Send feedback" })).toBeNull();
    await waitFor(() => {
      expect(sent).toHaveLength(3);
    });
    expect(
      sent.map(({ type, value, reasons, comment, traceId, sessionId }) => ({ type, value, reasons, comment, traceId, sessionId })),
    ).toEqual([
      { type: "thumb", value: -1, reasons: undefined, comment: undefined, traceId: "answer-1", sessionId: "s-1" },
      {
        type: "reasons",
        value: undefined,
        reasons: ["incorrect", "incomplete"],
        comment: undefined,
        traceId: "answer-1",
        sessionId: "s-1",
      },
      {
        type: "comment",
        value: undefined,
        reasons: undefined,
        comment: "It quoted last year's prices.",
        traceId: "answer-1",
        sessionId: "s-1",
      },
    ]);
  });

  it("thanks the user for a thumbs-up, politely and only for a while", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) });
    const { sent } = renderBar(<Feedback.Bar traceId="t" />);
    await user.click(screen.getByRole("button", { name: "Helpful" }));
    expect(screen.getByRole("button", { name: "Helpful" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("status")).toHaveTextContent("Thanks for your feedback");
    // No follow-up questions after a thumbs-up.
    expect(screen.queryByRole("button", { name: "Send feedback" })).toBeNull();
    await waitFor(() => {
      expect(sent.map((e) => [e.type, e.value])).toEqual([["thumb", 1]]);
    });
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
  });

  it("draws its icons as SVG, never as emoji (which need an emoji font)", async () => {
    const user = userEvent.setup();
    renderBar(<Feedback.Bar traceId="t" stars copyText="The answer." />);
    const expectSvgIcon = (button: HTMLElement) => {
      const icon = button.querySelector("svg");
      expect(icon, button.getAttribute("aria-label") ?? button.textContent).not.toBeNull();
      expect(icon).toHaveAttribute("aria-hidden", "true");
    };
    for (const name of ["Helpful", "Not helpful", "3 of 5 stars", "Copy", "Report an issue"]) {
      expectSvgIcon(screen.getByRole("button", { name }));
    }
    await user.click(screen.getByRole("button", { name: "Not helpful" }));
    await user.click(screen.getByRole("button", { name: "3 of 5 stars" }));
    await user.click(screen.getByRole("button", { name: "Copy" }));
    expectSvgIcon(screen.getByRole("button", { name: "Copied" }));
    await user.click(screen.getByRole("button", { name: "Report an issue" }));
    expectSvgIcon(within(screen.getByRole("dialog")).getByRole("button", { name: "Close" }));
    // Everything shown so far (bar, reasons panel, dialog): no pictographs, no symbol characters.
    const text = document.body.textContent;
    expect(text).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(text).not.toMatch(/[\u2190-\u2bff]/u);
  });

  it("withdraws a thumb pressed twice, and is operable from the keyboard", async () => {
    const user = userEvent.setup();
    const { sent } = renderBar(<Feedback.Bar traceId="t" report={false} />);
    await user.tab();
    expect(screen.getByRole("button", { name: "Helpful" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await user.keyboard("{Enter}");
    expect(screen.getByRole("button", { name: "Helpful" })).toHaveAttribute("aria-pressed", "false");
    await waitFor(() => {
      expect(sent.map((e) => e.value)).toEqual([1, 0]);
    });
  });

  it("follows a controlled value and reports changes through onValueChange", async () => {
    const user = userEvent.setup();
    const changes: ThumbState[] = [];
    function Host() {
      const [value, setValue] = useState<ThumbState>("up");
      return (
        <Feedback.Bar
          traceId="t"
          value={value}
          onValueChange={(next) => {
            changes.push(next);
            if (next !== "down") setValue(next);
          }}
        />
      );
    }
    renderBar(<Host />);
    expect(screen.getByRole("button", { name: "Helpful" })).toHaveAttribute("aria-pressed", "true");
    await user.click(screen.getByRole("button", { name: "Not helpful" }));
    // The host refused "down": the bar stays as the host says.
    expect(screen.getByRole("button", { name: "Helpful" })).toHaveAttribute("aria-pressed", "true");
    expect(changes).toEqual(["down"]);
  });

  it("rates with stars and copies the answer with the copy button", async () => {
    const user = userEvent.setup();
    const { sent } = renderBar(<Feedback.Bar traceId="t" stars report={false} copyText="The answer." />);
    await user.click(screen.getByRole("button", { name: "4 of 5 stars" }));
    expect(screen.getByRole("button", { name: "4 of 5 stars" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("group", { name: "Rating" })).toHaveAttribute("data-state", "rated");
    await user.click(screen.getByRole("button", { name: "Copy" }));
    expect(screen.getByRole("button", { name: "Copied" })).toHaveAttribute("data-state", "copied");
    expect(await navigator.clipboard.readText()).toBe("The answer.");
    await waitFor(() => {
      expect(sent.map((e) => [e.type, e.value ?? null, e.scale ?? null, e.metadata ?? null])).toEqual([
        ["rating", 4, 5, null],
        ["copy", null, null, { source: "button" }],
      ]);
    });
    await expectNoAxeViolations();
  });

  it("reports an issue through the dialog, which is labelled, closable and accessible", async () => {
    const user = userEvent.setup();
    const { sent } = renderBar(<Feedback.Bar traceId="t" />);
    await user.click(screen.getByRole("button", { name: "Report an issue" }));
    const dialog = screen.getByRole("dialog", { name: "Report an issue with this answer" });
    expect(dialog).toHaveAttribute("data-liveloop", "styled");
    await expectNoAxeViolations();
    // Nothing is preselected: sending without a category is refused with a message.
    const category = within(dialog).getByLabelText("Category");
    expect(category).toHaveValue("");
    await user.click(within(dialog).getByRole("button", { name: "Send report" }));
    expect(within(dialog).getByText("Choose a category before sending the report.")).toBeInTheDocument();
    expect(category).toHaveAccessibleDescription("Choose a category before sending the report.");
    expect(category).toHaveAttribute("aria-invalid", "true");
    expect(category).toHaveFocus();
    expect(sent).toEqual([]);
    await user.selectOptions(category, "privacy");
    expect(within(dialog).queryByText("Choose a category before sending the report.")).toBeNull();
    await user.type(within(dialog).getByLabelText("What happened?"), "It showed another customer's address.");
    await user.click(within(dialog).getByRole("button", { name: "Send report" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("status")).toHaveTextContent("Report sent");
    await waitFor(() => {
      expect(sent).toMatchObject([{ type: "report", category: "privacy", comment: "It showed another customer's address." }]);
    });

    await user.click(screen.getByRole("button", { name: "Report an issue" }));
    // Opened again, it asks afresh.
    expect(within(screen.getByRole("dialog")).getByLabelText("Category")).toHaveValue("");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Report an issue" }));
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("opens the dialog from a controlled open prop", () => {
    const onOpenChange = vi.fn();
    renderBar(
      <Feedback.Bar traceId="t">
        <Feedback.ReportDialog open onOpenChange={onOpenChange} />
      </Feedback.Bar>,
    );
    expect(screen.getByRole("dialog")).toBeInTheDocument();
  });
});

describe("labels, themes and styling", () => {
  it("speaks German, French and Spanish, and takes overrides of any label", () => {
    renderBar(<Feedback.Bar traceId="t" />, { labels: de });
    expect(screen.getByRole("button", { name: "Nicht hilfreich" })).toBeInTheDocument();
    cleanup();
    renderBar(<Feedback.Bar traceId="t" />, { labels: fr });
    expect(screen.getByRole("button", { name: "Signaler un problème" })).toBeInTheDocument();
    cleanup();
    renderBar(<Feedback.Bar traceId="t" />, { labels: { ...es, helpful: "Me sirvió" } });
    expect(screen.getByRole("button", { name: "Me sirvió" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "No es útil" })).toBeInTheDocument();
  });

  it("injects its scoped stylesheet once with the CSP nonce, unless unstyled", () => {
    renderBar(
      <>
        <Feedback.Bar traceId="a" />
        <Feedback.Bar traceId="b" />
      </>,
      { theme: "dark", nonce: "r4nd0m", classNames: { button: "host-button" } },
    );
    const styles = document.head.querySelectorAll("#liveloop-styles");
    expect(styles).toHaveLength(1);
    expect((styles[0] as HTMLStyleElement).nonce).toBe("r4nd0m");
    expect(screen.getAllByRole("group", { name: "Rate this answer" })[0]).toHaveAttribute("data-theme", "dark");
    expect(screen.getAllByRole("button", { name: "Helpful" })[0]).toHaveClass("host-button");
    cleanup();
    document.head.querySelector("#liveloop-styles")?.remove();

    renderBar(<Feedback.Bar traceId="a" />, { unstyled: true });
    expect(document.head.querySelector("#liveloop-styles")).toBeNull();
    expect(screen.getByRole("group", { name: "Rate this answer" })).toHaveAttribute("data-liveloop", "unstyled");
  });

  it("records a copy from inside Feedback.Answer", async () => {
    const { sent } = renderBar(<Feedback.Answer traceId="t">The answer text</Feedback.Answer>);
    screen.getByText("The answer text").dispatchEvent(new Event("copy", { bubbles: true }));
    await waitFor(() => {
      expect(sent).toMatchObject([{ type: "copy", traceId: "t", metadata: { source: "selection" } }]);
    });
  });
});
