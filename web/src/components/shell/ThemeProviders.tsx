"use client";

import type { ReactNode } from "react";
import { ThemeProvider, useTheme } from "next-themes";
import { Theme } from "@radix-ui/themes";
import { Toaster } from "sonner";

/**
 * Light, dark or the system's choice (the default), remembered per browser. next-themes
 * puts the class on <html> before paint; Radix Themes inherits it, and so do the toasts.
 */
export function ThemeProviders({ nonce, children }: { nonce: string | undefined; children: ReactNode }) {
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      <Theme accentColor="indigo" grayColor="slate" radius="medium" scaling="100%" panelBackground="solid">
        {children}
        <ThemedToaster />
      </Theme>
    </ThemeProvider>
  );
}

function ThemedToaster() {
  const { resolvedTheme } = useTheme();
  return <Toaster theme={resolvedTheme === "dark" ? "dark" : "light"} position="bottom-right" closeButton richColors />;
}
