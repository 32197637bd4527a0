/**
 * The selectors of a stylesheet that are not scoped under the widget's root attribute:
 * each selector of each rule (inside @media and other block at-rules too) must start with
 * `[data-liveloop`, so the widget can never restyle the host page.
 */
export function unscopedSelectors(css: string, scope = "[data-liveloop"): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const found: string[] = [];
  let depth = 0;
  let prelude = "";
  let declarationDepth = -1;
  for (const char of text) {
    if (char === "{") {
      const head = prelude.trim();
      if (declarationDepth < 0) {
        if (head.startsWith("@")) {
          // @media / @supports hold rules; @font-face, @keyframes and the like hold no selectors of ours.
          if (!/^@(media|supports|container|layer)\b/.test(head)) declarationDepth = depth;
        } else {
          for (const selector of head.split(",")) if (!selector.trim().startsWith(scope)) found.push(selector.trim());
          declarationDepth = depth;
        }
      }
      depth++;
      prelude = "";
    } else if (char === "}") {
      depth--;
      if (depth === declarationDepth) declarationDepth = -1;
      prelude = "";
    } else if (char === ";" && declarationDepth < 0) {
      prelude = "";
    } else {
      prelude += char;
    }
  }
  return found;
}
