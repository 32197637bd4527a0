import { describe, expect, it } from "vitest";
import { unscopedSelectors } from "./scopedCss.ts";
import { widgetStyles } from "../src/react/styles.ts";

describe("the scoped-CSS check", () => {
  it("passes the widget's stylesheet", () => {
    expect(unscopedSelectors(widgetStyles)).toEqual([]);
  });

  it("finds global selectors, in lists and inside @media, and ignores @keyframes steps", () => {
    const css = `
      /* a comment { with braces } */
      [data-liveloop=styled] button, button:hover { color: red }
      @media (prefers-color-scheme: dark) { body { margin: 0 } [data-liveloop=styled] a { color: blue } }
      @keyframes spin { from { transform: rotate(0) } to { transform: rotate(1turn) } }
      @import url("x.css");
      :root { --x: 1 }`;
    expect(unscopedSelectors(css)).toEqual(["button:hover", "body", ":root"]);
  });
});
