import { createContext, useContext, useEffect, useInsertionEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { createFeedbackClient, type FeedbackClient, type FeedbackClientOptions } from "../core/feedbackClient.ts";
import { resolveLabels, type FeedbackLabels } from "./labels.ts";
import { injectWidgetStyles } from "./styles.ts";

export type FeedbackTheme = "light" | "dark" | "auto";
export type FeedbackPart = "root" | "button" | "chip" | "star" | "panel" | "submit" | "overlay" | "dialog";

export interface FeedbackProviderProps extends Partial<FeedbackClientOptions> {
  /** A client made with createFeedbackClient(); otherwise one is made from endpoint and publicKey. */
  client?: FeedbackClient;
  /** Texts: English unless given; a set from "@liveloop/widget/locales" (de, fr, es) or any overrides. */
  labels?: Partial<FeedbackLabels>;
  theme?: FeedbackTheme;
  /** Ship no styles at all: the host styles the `data-part` elements itself. */
  unstyled?: boolean;
  /** Extra classes for each part (for Tailwind or the host's CSS). */
  classNames?: Partial<Record<FeedbackPart, string>>;
  /** CSP nonce for the injected <style>. */
  nonce?: string;
  children?: ReactNode;
}

export interface FeedbackContextValue {
  client: FeedbackClient | null;
  labels: FeedbackLabels;
  theme: FeedbackTheme;
  unstyled: boolean;
  classNames: Partial<Record<FeedbackPart, string>>;
  /** Attributes every top-level widget element carries (also the portalled dialog). */
  rootProps: { "data-liveloop": "styled" | "unstyled"; "data-theme": FeedbackTheme };
}

const FeedbackContext = createContext<FeedbackContextValue | null>(null);

/** Makes the feedback client, labels and theme available to every Feedback.* component below. */
export function FeedbackProvider({
  client: given,
  labels,
  theme = "light",
  unstyled = false,
  classNames = {},
  nonce,
  children,
  ...options
}: FeedbackProviderProps) {
  const [made, setMade] = useState<FeedbackClient | null>(null);
  // The latest options, read when the client is made; a new endpoint, key, user or session makes a new one.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const { endpoint, publicKey, userId, sessionId } = options;

  useEffect(() => {
    if (given || !endpoint || !publicKey) return;
    const client = createFeedbackClient({ ...latest.current, endpoint, publicKey, onError: (error) => latest.current.onError?.(error) });
    setMade(client);
    return () => {
      client.destroy();
      setMade(null);
    };
  }, [given, endpoint, publicKey, userId, sessionId]);

  useInsertionEffect(() => {
    if (!unstyled) injectWidgetStyles(document, nonce);
  }, [unstyled, nonce]);

  // Label and class overrides are usually inline objects: compare their content, not identity.
  const labelsKey = JSON.stringify(labels ?? {});
  const classNamesKey = JSON.stringify(classNames);
  const value = useMemo<FeedbackContextValue>(
    () => ({
      client: given ?? made,
      labels: resolveLabels(JSON.parse(labelsKey) as Partial<FeedbackLabels>),
      theme,
      unstyled,
      classNames: JSON.parse(classNamesKey) as Partial<Record<FeedbackPart, string>>,
      rootProps: { "data-liveloop": unstyled ? "unstyled" : "styled", "data-theme": theme },
    }),
    [given, made, labelsKey, theme, unstyled, classNamesKey],
  );
  return <FeedbackContext.Provider value={value}>{children}</FeedbackContext.Provider>;
}

/** The provider's client (null until it is made, after the first render) and settings. */
export function useFeedback(): FeedbackContextValue {
  const context = useContext(FeedbackContext);
  if (!context) throw new Error("Feedback components need a <FeedbackProvider> above them");
  return context;
}
