import { LockClosedIcon } from "@radix-ui/react-icons";
import { Flex, Text } from "@radix-ui/themes";

/** Why the controls of a section are greyed out for this person ("Admins only"), said where the controls are. */
export function LockedNote({ children }: { children: string }) {
  return (
    <Flex align="center" gap="1" asChild>
      <Text size="1" color="gray" data-testid="locked-note">
        <LockClosedIcon aria-hidden />
        {children}
      </Text>
    </Flex>
  );
}
