import { forwardRef, useId, useState, type ComponentPropsWithoutRef } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { useFeedbackBar } from "./FeedbackBar.tsx";
import { useControllableState } from "./useControllableState.ts";
import { CloseIcon, FlagIcon } from "./icons.tsx";

export interface ReportDialogProps extends Omit<ComponentPropsWithoutRef<"button">, "onSubmit"> {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Category keys (translated through the label set) or your own texts. */
  categories?: string[];
}

/**
 * "Report an issue": a trigger button and a modal dialog (Radix) asking for a category and
 * what happened. No category is preselected: a preselected one is sent unread, and the
 * team's report counts would say "harmful" for whatever came first in the list.
 */
export const ReportDialog = forwardRef<HTMLButtonElement, ReportDialogProps>(function ReportDialog(
  { open, defaultOpen = false, onOpenChange, categories, ...triggerProps },
  ref,
) {
  const { client, traceId, extras, labels, classNames, rootProps, announce } = useFeedbackBar();
  const [isOpen, setOpen] = useControllableState(open, defaultOpen, onOpenChange);
  const keys = categories ?? Object.keys(labels.categories);
  const [category, setCategory] = useState("");
  const [details, setDetails] = useState("");
  const [missingCategory, setMissingCategory] = useState(false);
  const categoryId = useId();
  const categoryErrorId = useId();
  const detailsId = useId();

  const submit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    if (!category) {
      setMissingCategory(true);
      document.getElementById(categoryId)?.focus();
      return;
    }
    client?.report(traceId, category, details.trim() || undefined, extras);
    setCategory("");
    setDetails("");
    setOpen(false);
    announce(labels.reportSent);
  };

  return (
    <Dialog.Root open={isOpen} onOpenChange={setOpen}>
      <Dialog.Trigger ref={ref} type="button" data-part="button" className={classNames.button} {...triggerProps}>
        <FlagIcon />
        {labels.report}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay data-part="overlay" className={classNames.overlay} {...rootProps} />
        <Dialog.Content data-part="dialog" className={classNames.dialog} {...rootProps}>
          <Dialog.Close data-part="close" aria-label={labels.close}>
            <CloseIcon />
          </Dialog.Close>
          <Dialog.Title data-part="title">{labels.reportTitle}</Dialog.Title>
          <Dialog.Description data-part="description">{labels.reportDescription}</Dialog.Description>
          <form onSubmit={submit} noValidate style={{ display: "grid", gap: 8 }}>
            <label htmlFor={categoryId}>{labels.category}</label>
            <select
              id={categoryId}
              value={category}
              aria-required="true"
              aria-invalid={missingCategory || undefined}
              aria-describedby={missingCategory ? categoryErrorId : undefined}
              onChange={(event) => {
                setCategory(event.target.value);
                setMissingCategory(false);
              }}
            >
              <option value="" disabled>
                {labels.chooseCategory}
              </option>
              {keys.map((key) => (
                <option key={key} value={key}>
                  {labels.categories[key] ?? key}
                </option>
              ))}
            </select>
            {missingCategory ? (
              <p id={categoryErrorId} data-part="error">
                {labels.categoryRequired}
              </p>
            ) : null}
            <label htmlFor={detailsId}>{labels.details}</label>
            <textarea
              id={detailsId}
              rows={4}
              maxLength={10_000}
              value={details}
              onChange={(event) => {
                setDetails(event.target.value);
              }}
            />
            <div data-part="row">
              <button type="submit" data-part="submit" className={classNames.submit}>
                {labels.sendReport}
              </button>
              <Dialog.Close type="button" data-part="button" className={classNames.button}>
                {labels.cancel}
              </Dialog.Close>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
});
ReportDialog.displayName = "Feedback.ReportDialog";
