import type { Metadata } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { ThemeProviders } from "@/components/shell/ThemeProviders";
import { nonceFromPolicy } from "@/server/http/contentSecurityPolicy";
import "./theme.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Liveloop", template: "%s · Liveloop" },
  description: "Close the loop from user feedback to golden datasets",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The theme script runs before first paint (no flash of the wrong theme), so it needs this page's nonce.
  const nonce = nonceFromPolicy((await headers()).get("content-security-policy"));
  return (
    // next-themes sets the theme class on <html> before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <body>
        <ThemeProviders nonce={nonce}>{children}</ThemeProviders>
      </body>
    </html>
  );
}
