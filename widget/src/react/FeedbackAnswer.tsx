import { forwardRef, useEffect, useRef, type ComponentPropsWithoutRef } from "react";
import { useFeedback } from "./FeedbackProvider.tsx";

export interface FeedbackAnswerProps extends ComponentPropsWithoutRef<"div"> {
  traceId: string;
}

/** Wraps an answer's text so that copying from it is recorded as a `copy` signal. */
export const FeedbackAnswer = forwardRef<HTMLDivElement, FeedbackAnswerProps>(function FeedbackAnswer({ traceId, ...props }, forwarded) {
  const { client } = useFeedback();
  const own = useRef<HTMLDivElement | null>(null);
  useEffect(() => (client && own.current ? client.observeCopy(own.current, traceId) : undefined), [client, traceId]);
  return (
    <div
      ref={(node) => {
        own.current = node;
        if (typeof forwarded === "function") forwarded(node);
        else if (forwarded) forwarded.current = node;
      }}
      {...props}
    />
  );
});
FeedbackAnswer.displayName = "Feedback.Answer";
