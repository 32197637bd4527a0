import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { useFeedbackBar, type ThumbState } from "./FeedbackBar.tsx";

const thumbValue = { up: 1, down: -1 } as const;

/** Thumbs up and down; pressing the pressed one again withdraws it (sent as value 0). */
export const Thumbs = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<"div">>(function Thumbs(props, ref) {
  const { client, traceId, extras, thumb, setThumb, labels, classNames } = useFeedbackBar();
  const press = (pressed: Exclude<ThumbState, null>) => {
    const next = thumb === pressed ? null : pressed;
    setThumb(next);
    client?.thumb(traceId, next ? thumbValue[next] : 0, extras);
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
          <span aria-hidden="true">{direction === "up" ? "👍" : "👎"}</span>
        </button>
      ))}
    </div>
  );
});
Thumbs.displayName = "Feedback.Thumbs";
