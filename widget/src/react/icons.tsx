import type { ReactElement } from "react";

/**
 * The widget's icons, drawn as inline SVG: emoji need an emoji font, which many Linux
 * desktops lack (the thumbs rendered as empty boxes there). Each icon is decorative
 * (aria-hidden): the button around it carries the accessible name. They take the text
 * colour (currentColor) and the font size, so host themes and pressed states apply.
 * Paths on a 24-unit grid after the Feather icon set (MIT licence), kept short for the
 * size budget.
 */
function icon(d: string, options: { filled?: boolean; turned?: boolean } = {}): () => ReactElement {
  return function Icon() {
    return (
      <svg
        aria-hidden="true"
        data-part="icon"
        viewBox="0 0 24 24"
        width="1em"
        height="1em"
        fill={options.filled ? "currentColor" : "none"}
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={d} transform={options.turned ? "rotate(180 12 12)" : undefined} />
      </svg>
    );
  };
}

const thumb = "M14 9V5a3 3 0 0 0-3-3l-4 9v11h11.28a2 2 0 0 0 2-1.7l1.38-9a2 2 0 0 0-2-2.3zM7 22H4a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2h3";

export const ThumbUpIcon = icon(thumb);
// The same hand turned over, as thumbs-down icons are drawn.
export const ThumbDownIcon = icon(thumb, { turned: true });
export const StarIcon = icon("M12 2l3.09 6.26L22 9.27l-5 4.87 1.18 6.88L12 17.77l-6.18 3.25L7 14.14 2 9.27l6.91-1.01z", { filled: true });
export const CopyIcon = icon(
  "M11 9h9a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-9a2 2 0 0 1-2-2v-9a2 2 0 0 1 2-2zM5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1",
);
export const CheckIcon = icon("M20 6 9 17l-5-5");
export const FlagIcon = icon("M4 15s1-1 4-1 5 2 8 2 4-1 4-1V3s-1 1-4 1-5-2-8-2-4 1-4 1zM4 22v-7");
export const CloseIcon = icon("M18 6 6 18M6 6l12 12");
