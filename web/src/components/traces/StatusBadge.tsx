import { Badge } from "@radix-ui/themes";
import { CheckCircledIcon, CrossCircledIcon } from "@radix-ui/react-icons";
import type { TraceView } from "@/contracts/traces";
import { traceStatusLabel } from "@/components/traces/traceLabels";

/** A trace's or step's status: colour and an icon, so it reads without colour too. */
export function StatusBadge({ status }: { status: TraceView["status"] }) {
  return (
    // High contrast: the soft green text on a table row's tint falls below 4.5:1 (axe).
    <Badge color={status === "ok" ? "green" : "red"} variant="soft" highContrast data-status={status}>
      {status === "ok" ? <CheckCircledIcon aria-hidden="true" /> : <CrossCircledIcon aria-hidden="true" />}
      {traceStatusLabel[status]}
    </Badge>
  );
}
