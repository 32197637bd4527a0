import { VisuallyHidden } from "@radix-ui/themes";

/**
 * A table's name for screen readers and tests. Radix's Table.Root puts its props on a
 * wrapping div, so an aria-label there would not name the <table>; a caption inside does.
 */
export function TableCaption({ children }: { children: string }) {
  return (
    <VisuallyHidden asChild>
      <caption>{children}</caption>
    </VisuallyHidden>
  );
}
