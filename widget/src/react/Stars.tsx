import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { fill } from "./labels.ts";
import { useFeedbackBar } from "./FeedbackBar.tsx";
import { useControllableState } from "./useControllableState.ts";
import { StarIcon } from "./icons.tsx";

export interface StarsProps extends Omit<ComponentPropsWithoutRef<"div">, "defaultValue" | "onChange"> {
  /** Number of stars (default 5). */
  scale?: number;
  value?: number | null;
  defaultValue?: number | null;
  onValueChange?: (value: number | null) => void;
}

/** A 1..scale star rating; each star is a labelled button. */
export const Stars = forwardRef<HTMLDivElement, StarsProps>(function Stars(
  { scale = 5, value, defaultValue = null, onValueChange, ...props },
  ref,
) {
  const { client, traceId, extras, labels, classNames } = useFeedbackBar();
  const [rating, setRating] = useControllableState(value, defaultValue, onValueChange);
  return (
    <div ref={ref} role="group" aria-label={labels.rating} data-part="row" data-state={rating === null ? "none" : "rated"} {...props}>
      {Array.from({ length: scale }, (_, index) => index + 1).map((star) => (
        <button
          key={star}
          type="button"
          data-part="star"
          className={classNames.star}
          aria-pressed={rating === star}
          data-state={rating !== null && star <= rating ? "on" : "off"}
          aria-label={fill(labels.star, { value: star, scale })}
          onClick={() => {
            setRating(star);
            client?.rate(traceId, star, scale, extras);
          }}
        >
          <StarIcon />
        </button>
      ))}
    </div>
  );
});
Stars.displayName = "Feedback.Stars";
