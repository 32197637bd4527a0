import { createContext, forwardRef, useContext, useEffect, useMemo, useState, type ComponentPropsWithoutRef, type ReactNode } from "react";
import type { EventExtras } from "../core/feedbackClient.ts";
import { useFeedback, type FeedbackContextValue } from "./FeedbackProvider.tsx";
import { useControllableState } from "./useControllableState.ts";
import { ReportDialog } from "./ReportDialog.tsx";
import { CopyButton } from "./CopyButton.tsx";
import { Thumbs } from "./Thumbs.tsx";
import { Stars } from "./Stars.tsx";
import { Reasons } from "./Reasons.tsx";

export type ThumbState = "up" | "down" | null;

const statusMilliseconds = 5_000;

interface BarContextValue extends FeedbackContextValue {
  traceId: string;
  extras: EventExtras;
  thumb: ThumbState;
  setThumb: (next: ThumbState) => void;
  /** Shows a confirmation in the bar's live region. */
  announce: (message: string) => void;
}

const BarContext = createContext<BarContextValue | null>(null);

export function useFeedbackBar(): BarContextValue {
  const context = useContext(BarContext);
  if (!context) throw new Error("Feedback parts belong inside <Feedback.Bar>");
  return context;
}

export interface FeedbackBarProps extends Omit<ComponentPropsWithoutRef<"div">, "defaultValue" | "onChange"> {
  /** The answer's id (the trace id your backend records). */
  traceId: string;
  /** Token your backend minted for this answer (required when the project requires tokens). */
  feedbackToken?: string;
  sessionId?: string;
  value?: ThumbState;
  defaultValue?: ThumbState;
  onValueChange?: (value: ThumbState) => void;
  /** Show 1..n stars (true: 5). */
  stars?: boolean | number;
  /** Reason chips offered after thumbs-down: keys of the label set, or your own texts. */
  reasons?: string[];
  /** Offer a comment box after thumbs-down (default true). */
  comment?: boolean;
  /** Offer "Report an issue" (default true). */
  report?: boolean;
  /** The answer text, to show a copy button. */
  copyText?: string;
  /** Compose your own parts instead of the default layout. */
  children?: ReactNode;
}

/** The feedback controls for one answer. Without children it lays out thumbs, stars, copy, report and the follow-up panel. */
export const FeedbackBar = forwardRef<HTMLDivElement, FeedbackBarProps>(function FeedbackBar(
  {
    traceId,
    feedbackToken,
    sessionId,
    value,
    defaultValue = null,
    onValueChange,
    stars,
    reasons,
    comment = true,
    report = true,
    copyText,
    children,
    className,
    ...rest
  },
  ref,
) {
  const feedback = useFeedback();
  const { client, labels, classNames, rootProps } = feedback;
  const [thumb, setThumb] = useControllableState(value, defaultValue, onValueChange);
  const [status, setStatus] = useState("");
  // Confirmations are shown briefly, then the live region empties (it is not a log).
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => {
      setStatus("");
    }, statusMilliseconds);
    return () => {
      clearTimeout(timer);
    };
  }, [status]);

  useEffect(() => {
    if (!client) return;
    if (feedbackToken) client.setFeedbackToken(traceId, feedbackToken);
    client.answerShown(traceId, sessionId);
  }, [client, traceId, feedbackToken, sessionId]);

  const context = useMemo<BarContextValue>(
    () => ({ ...feedback, traceId, extras: sessionId ? { sessionId } : {}, thumb, setThumb, announce: setStatus }),
    [feedback, traceId, sessionId, thumb, setThumb],
  );

  return (
    <BarContext.Provider value={context}>
      <div
        ref={ref}
        role="group"
        aria-label={labels.bar}
        data-state={thumb ?? "none"}
        {...rootProps}
        className={[classNames.root, className].filter(Boolean).join(" ") || undefined}
        {...rest}
      >
        {children ?? (
          <>
            <div data-part="row">
              <Thumbs />
              {stars ? <Stars scale={stars === true ? 5 : stars} /> : null}
              {copyText !== undefined ? <CopyButton text={copyText} /> : null}
              {report ? <ReportDialog /> : null}
            </div>
            <Reasons reasons={reasons} comment={comment} />
          </>
        )}
        <div role="status" data-part="status">
          {status}
        </div>
      </div>
    </BarContext.Provider>
  );
});
FeedbackBar.displayName = "Feedback.Bar";
