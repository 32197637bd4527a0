import { createRoot } from "react-dom/client";
import { createFeedbackClient, type FeedbackClient, type FeedbackClientOptions } from "../core/feedbackClient.ts";
import { FeedbackProvider, type FeedbackProviderProps } from "../react/FeedbackProvider.tsx";
import { FeedbackBar, type FeedbackBarProps } from "../react/FeedbackBar.tsx";
import { labelsForLocale } from "../locales/index.ts";

/**
 * The script-tag build (`/widget.js`) for pages not written in React:
 *
 *   <script>
 *     window.Liveloop = window.Liveloop || function () { (Liveloop.q = Liveloop.q || []).push(arguments) };
 *     Liveloop("init", { publicKey: "pk_..." });
 *     Liveloop("mount", "#answer-42-feedback", { traceId: "42" });
 *   </script>
 *   <script async src="https://liveloop.example.com/widget.js"></script>
 *
 * Calls made before the file loads are queued and replayed; afterwards both
 * `Liveloop("mount", ...)` and `Liveloop.mount(...)` work.
 */
type Defaults = Partial<FeedbackClientOptions> &
  Omit<FeedbackProviderProps, "client" | "children" | keyof FeedbackClientOptions> & {
    /** "en", "de", "fr" or "es" ("de-AT" uses "de"); `labels` override single texts. */
    locale?: string;
  };
export type MountOptions = Defaults &
  Pick<
    FeedbackBarProps,
    "traceId" | "feedbackToken" | "sessionId" | "stars" | "reasons" | "comment" | "report" | "copyText" | "onValueChange"
  >;

type Command = "init" | "mount" | "userMessage" | "regenerate";

const providerKeys = ["theme", "unstyled", "classNames", "nonce"] as const;
// Where this file was loaded from is where Liveloop runs, unless told otherwise.
const scriptOrigin = document.currentScript instanceof HTMLScriptElement ? new URL(document.currentScript.src).origin : location.origin;

let defaults: Defaults = {};
let client: FeedbackClient | null = null;

function sharedClient(): FeedbackClient {
  if (!client) {
    if (!defaults.publicKey) throw new Error('Liveloop: call Liveloop("init", { publicKey }) first');
    client = createFeedbackClient({ ...defaults, endpoint: defaults.endpoint ?? scriptOrigin, publicKey: defaults.publicKey });
  }
  return client;
}

const api = {
  init(options: Defaults): void {
    client?.destroy();
    client = null;
    defaults = { ...options };
  },
  mount(target: Element | string, options: MountOptions): { unmount(): void } {
    const element = typeof target === "string" ? document.querySelector(target) : target;
    if (!element) throw new Error(`Liveloop: no element matches ${typeof target === "string" ? target : "the given target"}`);
    const settings: MountOptions = { ...defaults, ...options };
    const provider: Partial<FeedbackProviderProps> = { labels: { ...labelsForLocale(settings.locale), ...settings.labels } };
    for (const key of providerKeys) if (settings[key] !== undefined) Object.assign(provider, { [key]: settings[key] });
    const root = createRoot(element);
    root.render(
      <FeedbackProvider client={sharedClient()} {...provider}>
        <FeedbackBar
          traceId={settings.traceId}
          feedbackToken={settings.feedbackToken}
          sessionId={settings.sessionId}
          stars={settings.stars}
          reasons={settings.reasons}
          comment={settings.comment}
          report={settings.report}
          copyText={settings.copyText}
          onValueChange={settings.onValueChange}
        />
      </FeedbackProvider>,
    );
    return {
      unmount: () => {
        root.unmount();
      },
    };
  },
  userMessage: (text: string, context?: { sessionId?: string }) => sharedClient().userMessage(text, context),
  regenerate: (traceId: string) => sharedClient().regenerate(traceId),
  client: sharedClient,
};

type Liveloop = ((command: Command, ...args: unknown[]) => unknown) & typeof api;

const global = window as unknown as { Liveloop?: { q?: ArrayLike<unknown>[] } | Liveloop };
const queued = (global.Liveloop && "q" in global.Liveloop ? global.Liveloop.q : undefined) ?? [];
const call = (command: Command, ...args: unknown[]): unknown => (api[command] as (...values: unknown[]) => unknown)(...args);
global.Liveloop = Object.assign(call, api) satisfies Liveloop;
for (const entry of queued) {
  const [command, ...args] = Array.from(entry);
  try {
    call(command as Command, ...args);
  } catch (error) {
    console.error(error);
  }
}
