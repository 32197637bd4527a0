"use client";

import { Box, IconButton, Tooltip } from "@radix-ui/themes";
import { CheckIcon, CopyIcon } from "@radix-ui/react-icons";
import { useState } from "react";
import { toast } from "sonner";
import styles from "@/components/projects/ProjectOverview.module.css";

/** A block of code to paste elsewhere, with a button that copies it. */
export function CodeSnippet({ code, label }: { code: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
      toast.success("Copied to the clipboard");
      setTimeout(() => {
        setCopied(false);
      }, 2000);
    } catch {
      toast.error("Could not copy: select the text and copy it by hand");
    }
  };
  return (
    <Box className={styles.snippet}>
      {/* Focusable, so a keyboard can scroll a line wider than the card. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <pre aria-label={label} className={styles.code} tabIndex={0}>
        <code>{code}</code>
      </pre>
      <Tooltip content={copied ? "Copied" : "Copy"}>
        <IconButton
          className={styles.copy}
          size="1"
          variant="soft"
          color="gray"
          aria-label={`Copy ${label.toLowerCase()}`}
          onClick={() => {
            void copy();
          }}
        >
          {copied ? <CheckIcon /> : <CopyIcon />}
        </IconButton>
      </Tooltip>
    </Box>
  );
}
