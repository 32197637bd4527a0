"use client";

import { useEffect, useState, type RefObject } from "react";

/** Colours a canvas chart draws with, read from Radix Themes tokens (canvas cannot use CSS variables). */
export interface ChartTheme {
  text: string;
  grid: string;
  axis: string;
  cursor: string;
  surface: string;
  series: string[];
}

// Only these scales are loaded (app/theme.css); step 9 is each scale's solid colour.
const seriesTokens = ["--indigo-9", "--amber-9", "--green-9", "--blue-9", "--red-9", "--gray-9"];

function readTheme(element: HTMLElement): ChartTheme {
  const style = getComputedStyle(element);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: token("--gray-11", "#60646c"),
    grid: token("--gray-a4", "rgba(0,0,0,0.08)"),
    axis: token("--gray-a6", "rgba(0,0,0,0.15)"),
    cursor: token("--gray-a8", "rgba(0,0,0,0.3)"),
    surface: token("--color-panel-solid", "#fff"),
    series: seriesTokens.map((name, index) =>
      token(name, ["#3e63dd", "#ffc53d", "#30a46c", "#0090ff", "#e5484d", "#8d8d8d"][index] ?? "#888"),
    ),
  };
}

/**
 * The chart colours for the current theme, read at mount and again whenever next-themes
 * switches the class on <html> (light, dark, or the system's choice changing).
 */
export function useChartTheme(ref: RefObject<HTMLElement | null>): ChartTheme | null {
  const [theme, setTheme] = useState<ChartTheme | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const next = readTheme(element);
      setTheme((previous) => (previous && JSON.stringify(previous) === JSON.stringify(next) ? previous : next));
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class", "style"] });
    return () => {
      observer.disconnect();
    };
  }, [ref]);
  return theme;
}
