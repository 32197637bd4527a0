import type { ReactNode } from "react";
import { Text } from "@radix-ui/themes";
import { FormField } from "@/components/settings/FormField";

/** What a control gets so its error is announced with it: invalid state and the error's id. */
export interface FieldControlProps {
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/**
 * A labelled control whose API error (named by the body path, e.g. judge.baseUrl) shows
 * under it, tied to the control by aria-describedby so it is read with the field.
 */
export function CheckedField({
  label,
  name,
  hint,
  error,
  children,
}: {
  label: string;
  name: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const errorId = `field-error-${name.replace(/\W/g, "-")}`;
  const control: FieldControlProps = error ? { name, "aria-invalid": true, "aria-describedby": errorId } : { name };
  const below = error ? (
    <>
      {hint}
      <Text as="span" color="red" id={errorId} style={{ display: "block" }}>
        {error}
      </Text>
    </>
  ) : (
    hint
  );
  return (
    <FormField label={label} hint={below}>
      {children(control)}
    </FormField>
  );
}
