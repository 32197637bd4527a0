// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Theme } from "@radix-ui/themes";
import type { AlertChannelView } from "@/contracts/alerts";
import { AlertChannels } from "@/components/alerts/AlertChannels";
import { EndSilenceButton } from "@/components/alerts/AlertRuleActions";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push: () => undefined }) }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  refresh.mockReset();
});

const projectId = "8d6d3c1e-5b5f-4f8e-9d0a-2b1c3d4e5f60";
const channel = (overrides: Partial<AlertChannelView>): AlertChannelView => ({
  id: "0b3c7a52-1d2e-4f60-8a9b-0c1d2e3f4a5b",
  name: "on-call",
  type: "webhook",
  url: "https://hooks.example.com/liveloop",
  to: [],
  failing: false,
  consecutiveFailures: 0,
  lastError: null,
  lastDeliveredAt: null,
  rules: 2,
  createdAt: "2026-11-20T10:00:00.000Z",
  ...overrides,
});

/** Records each request and answers it with `answer`. */
function stubApi(answer: () => Response): { method: string; url: string }[] {
  const sent: { method: string; url: string }[] = [];
  vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
    sent.push({ method: init.method ?? "GET", url });
    return Promise.resolve(answer());
  });
  return sent;
}

describe("alert channels in the console", () => {
  it("a failing channel says why; deleting one asks first, naming the rules that stop notifying it", async () => {
    const sent = stubApi(() => new Response(null, { status: 204 }));
    const user = userEvent.setup();
    const failing = channel({
      id: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d",
      name: "ops-hook",
      failing: true,
      lastError: "HTTP 503 from hooks.example.com",
      rules: 1,
    });
    render(
      <Theme>
        <AlertChannels projectId={projectId} channels={[channel({}), failing]} manageable />
      </Theme>,
    );
    const row = within(screen.getByRole("row", { name: /ops-hook/ }));
    expect(row.getByText("Failing")).toBeInTheDocument();
    expect(row.getByText("HTTP 503 from hooks.example.com")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Delete on-call" }));
    const confirm = within(screen.getByRole("alertdialog", { name: "Delete the channel on-call?" }));
    expect(confirm.getByText(/2 rules notify it; they stop notifying it/)).toBeInTheDocument();
    await user.click(confirm.getByRole("button", { name: "Cancel" }));
    expect(sent).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Delete on-call" }));
    await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Delete" }));
    expect(sent).toEqual([{ method: "DELETE", url: `/api/v1/projects/${projectId}/alert-channels/${channel({}).id}` }]);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("viewers see channels without test or delete buttons", () => {
    render(
      <Theme>
        <AlertChannels projectId={projectId} channels={[channel({})]} manageable={false} />
      </Theme>,
    );
    expect(screen.getByRole("row", { name: /on-call/ })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Delete on-call" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Send test" })).not.toBeInTheDocument();
  });

  it("ending a silence deletes it and refreshes the rule; a refusal is shown", async () => {
    const silenceId = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    let answer = () => Response.json({ detail: "No such silence in this project" }, { status: 404 });
    const sent = stubApi(() => answer());
    const user = userEvent.setup();
    render(
      <Theme>
        <EndSilenceButton projectId={projectId} silenceId={silenceId} />
      </Theme>,
    );
    await user.click(screen.getByRole("button", { name: "End silence" }));
    expect(await screen.findByText("No such silence in this project")).toBeInTheDocument();
    expect(refresh).not.toHaveBeenCalled();

    answer = () => new Response(null, { status: 204 });
    await user.click(screen.getByRole("button", { name: "End silence" }));
    expect(sent).toEqual([
      { method: "DELETE", url: `/api/v1/projects/${projectId}/alert-silences/${silenceId}` },
      { method: "DELETE", url: `/api/v1/projects/${projectId}/alert-silences/${silenceId}` },
    ]);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
