import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { useFeedbackBar, type ThumbState } from "./FeedbackBar.tsx";
import { ThumbDownIcon, ThumbUpIcon } from "./icons.tsx";

const thumbValue = { up: 1, down: -1 } as const;

/**
 * Thumbs up and down; pressing the pressed one again withdraws it (sent as value 0). A
 * thumbs-up is thanked at once (nothing follows it); a thumbs-down opens the reasons.
 */
export const Thumbs = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<"div">>(function Thumbs(props, ref) {
  const { client, traceId, extras, thumb, setThumb, labels, classNames, announce } = useFeedbackBar();
  const press = (pressed: Exclude<ThumbState, null>) => {
    const next = thumb === pressed ? null : pressed;
    setThumb(next);
    client?.thumb(traceId, next ? thumbValue[next] : 0, extras);
    announce(next === "up" ? labels.thanks : "");
  };
  return (
    <div ref={ref} data-part="row" {...props}>
      {(["up", "down"] as const).map((direction) => (
        <button
          key={direction}
          type="button"
          data-part="button"
          className={classNames.button}
          aria-pressed={thumb === direction}
          data-state={thumb === direction ? "on" : "off"}
          aria-label={direction === "up" ? labels.helpful : labels.notHelpful}
          onClick={() => {
            press(direction);
          }}
        >
          {direction === "up" ? <ThumbUpIcon /> : <ThumbDownIcon />}
        </button>
      ))}
    </div>
  );
});
Thumbs.displayName = "Feedback.Thumbs";
