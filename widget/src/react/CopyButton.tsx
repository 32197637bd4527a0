import { forwardRef, useEffect, useState, type ComponentPropsWithoutRef } from "react";
import { useFeedbackBar } from "./FeedbackBar.tsx";
import { CheckIcon, CopyIcon } from "./icons.tsx";

export interface CopyButtonProps extends ComponentPropsWithoutRef<"button"> {
  /** The text to put on the clipboard (the answer). */
  text: string;
}

/** Copies the answer and records the copy as an implicit positive signal. */
export const CopyButton = forwardRef<HTMLButtonElement, CopyButtonProps>(function CopyButton({ text, onClick, ...props }, ref) {
  const { client, traceId, extras, labels, classNames } = useFeedbackBar();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => {
      setCopied(false);
    }, 2_000);
    return () => {
      clearTimeout(timer);
    };
  }, [copied]);
  return (
    <button
      ref={ref}
      type="button"
      data-part="button"
      className={classNames.button}
      data-state={copied ? "copied" : "idle"}
      onClick={(event) => {
        // Missing outside secure contexts (plain http); the copy signal still counts.
        const clipboard = navigator.clipboard as Clipboard | undefined;
        void clipboard?.writeText(text).catch(() => undefined);
        client?.copy(traceId, { ...extras, metadata: { source: "button" } });
        setCopied(true);
        onClick?.(event);
      }}
      {...props}
    >
      {copied ? <CheckIcon /> : <CopyIcon />}
      {copied ? labels.copied : labels.copy}
    </button>
  );
});
CopyButton.displayName = "Feedback.CopyButton";
