import { forwardRef, useId, useState, type ComponentPropsWithoutRef } from "react";
import { useFeedbackBar } from "./FeedbackBar.tsx";

export interface ReasonsProps extends ComponentPropsWithoutRef<"form"> {
  /** Reason keys (translated through the label set) or your own texts; default: the label set's reasons. */
  reasons?: string[];
  /** Offer a comment box (default true). */
  comment?: boolean;
  /** Show even without a thumbs-down (e.g. under a low star rating). */
  forceOpen?: boolean;
}

/** The follow-up after a thumbs-down: reason chips and an optional comment, sent together. */
export const Reasons = forwardRef<HTMLFormElement, ReasonsProps>(function Reasons(
  { reasons, comment = true, forceOpen = false, ...props },
  ref,
) {
  const { client, traceId, extras, thumb, labels, classNames, announce } = useFeedbackBar();
  const [chosen, setChosen] = useState<string[]>([]);
  const [text, setText] = useState("");
  const [sentFor, setSentFor] = useState<string | null>(null);
  const commentId = useId();
  const promptId = useId();
  if ((thumb !== "down" && !forceOpen) || sentFor === traceId) return null;

  const submit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    if (chosen.length > 0) client?.reasons(traceId, chosen, extras);
    if (text.trim()) client?.comment(traceId, text.trim(), extras);
    setSentFor(traceId);
    announce(labels.thanks);
  };

  return (
    <form ref={ref} data-part="panel" className={classNames.panel} aria-labelledby={promptId} onSubmit={submit} {...props}>
      <div id={promptId}>{labels.reasonsPrompt}</div>
      <div data-part="row" role="group" aria-labelledby={promptId}>
        {(reasons ?? Object.keys(labels.reasons)).map((reason) => {
          const on = chosen.includes(reason);
          return (
            <button
              key={reason}
              type="button"
              data-part="chip"
              className={classNames.chip}
              aria-pressed={on}
              data-state={on ? "on" : "off"}
              onClick={() => {
                setChosen(on ? chosen.filter((r) => r !== reason) : [...chosen, reason]);
              }}
            >
              {labels.reasons[reason] ?? reason}
            </button>
          );
        })}
      </div>
      {comment ? (
        <>
          <label htmlFor={commentId}>{labels.commentLabel}</label>
          <textarea
            id={commentId}
            rows={3}
            maxLength={10_000}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
            }}
          />
        </>
      ) : null}
      <button type="submit" data-part="submit" className={classNames.submit}>
        {labels.submit}
      </button>
    </form>
  );
});
Reasons.displayName = "Feedback.Reasons";
