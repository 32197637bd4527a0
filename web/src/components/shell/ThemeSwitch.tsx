"use client";

import { useSyncExternalStore } from "react";
import { useTheme } from "next-themes";
import { SegmentedControl } from "@radix-ui/themes";
import { DesktopIcon, MoonIcon, SunIcon } from "@radix-ui/react-icons";

const choices = [
  { value: "system", label: "System theme", icon: <DesktopIcon /> },
  { value: "light", label: "Light theme", icon: <SunIcon /> },
  { value: "dark", label: "Dark theme", icon: <MoonIcon /> },
] as const;

const subscribeNever = () => () => undefined;

/** System, light or dark. The server cannot know the stored choice, so it renders "system" until hydrated. */
export function ThemeSwitch() {
  const { theme, setTheme } = useTheme();
  const hydrated = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  return (
    <SegmentedControl.Root size="1" value={hydrated ? (theme ?? "system") : "system"} onValueChange={setTheme} aria-label="Theme">
      {choices.map((choice) => (
        <SegmentedControl.Item key={choice.value} value={choice.value} aria-label={choice.label} title={choice.label}>
          {choice.icon}
        </SegmentedControl.Item>
      ))}
    </SegmentedControl.Root>
  );
}
