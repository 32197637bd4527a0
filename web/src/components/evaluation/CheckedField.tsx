import type { ReactNode } from "react";
import { Flex, Text } from "@radix-ui/themes";

/** What a control gets so its error is announced with it: invalid state and the error's id. */
export interface FieldControlProps {
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/**
 * A labelled control with a hint and the error the API named for it (by the body path, e.g.
 * judge.baseUrl) right under it, tied to the control by aria-describedby.
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
  return (
    <Flex direction="column" gap="1">
      <Flex asChild direction="column" gap="1">
        <label>
          <Text size="2" weight="medium">
            {label}
          </Text>
          {children(control)}
        </label>
      </Flex>
      {hint ? (
        <Text size="1" color="gray">
          {hint}
        </Text>
      ) : null}
      {error ? (
        <Text size="1" color="red" id={errorId}>
          {error}
        </Text>
      ) : null}
    </Flex>
  );
}
