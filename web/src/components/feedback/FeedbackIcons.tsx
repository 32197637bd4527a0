import type { SVGProps } from "react";

// Inline SVG, never emoji: without an emoji font (many Linux desktops) thumbs render as empty boxes.
const thumbPath =
  "M7 10v12M15 5.88 14 10h5.83a2 2 0 0 1 1.92 2.56l-2.33 8A2 2 0 0 1 17.5 22H4a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2h2.76a2 2 0 0 0 1.79-1.11L12 2a3.13 3.13 0 0 1 3 3.88Z";

function ThumbSvg({ down, ...props }: SVGProps<SVGSVGElement> & { down: boolean }) {
  return (
    <svg
      width="15"
      height="15"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      {...props}
    >
      <path d={thumbPath} transform={down ? "rotate(180 12 12)" : undefined} />
    </svg>
  );
}

export function ThumbUpIcon(props: SVGProps<SVGSVGElement>) {
  return <ThumbSvg down={false} {...props} />;
}

export function ThumbDownIcon(props: SVGProps<SVGSVGElement>) {
  return <ThumbSvg down {...props} />;
}
