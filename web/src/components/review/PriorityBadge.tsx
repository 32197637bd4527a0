import { Badge } from "@radix-ui/themes";
import type { PriorityLevel } from "@/server/review/reviewPriority";

const levels: Record<PriorityLevel, { label: string; color: "red" | "amber" | "gray" }> = {
  high: { label: "High", color: "red" },
  medium: { label: "Medium", color: "amber" },
  low: { label: "Low", color: "gray" },
};

/** "High · 3 similar": the level of the worst signal, and how many similar complaints share it. */
export function PriorityBadge({ priority }: { priority: { level: PriorityLevel; similar: number } }) {
  const { label, color } = levels[priority.level];
  return (
    // High contrast: soft amber text on its own tint falls short of 4.5:1.
    <Badge color={color} variant="soft" highContrast title="Priority">
      {label}
      {priority.similar > 1 ? ` · ${priority.similar} similar` : ""}
    </Badge>
  );
}
