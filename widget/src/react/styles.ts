/**
 * The widget's one stylesheet. Every selector starts at `[data-liveloop=styled]` (the
 * widget's own elements, including the dialog portalled to <body>), so nothing leaks into
 * the host page; `npm test` fails on any selector that is not scoped (widget/scripts).
 * Colours and sizes are `--liveloop-*` custom properties: set them on any ancestor to theme.
 * The report dialog is portalled to <body>, away from the font around the bar: it uses
 * `--liveloop-dialog-font` (set it on :root) or the system's UI font, never the browser's
 * serif default.
 */
export const widgetStyles = `
[data-liveloop=styled]{--liveloop-fg:#1f2328;--liveloop-muted:#59636e;--liveloop-bg:#fff;--liveloop-surface:#f6f8fa;--liveloop-border:#d1d9e0;--liveloop-accent:#0969da;--liveloop-accent-fg:#fff;--liveloop-negative:#cf222e;--liveloop-star:#bf8700;--liveloop-radius:8px;--liveloop-font:inherit;font-family:var(--liveloop-font);font-size:14px;color:var(--liveloop-fg)}
[data-liveloop=styled][data-theme=dark]{--liveloop-fg:#f0f6fc;--liveloop-muted:#9198a1;--liveloop-bg:#151b23;--liveloop-surface:#212830;--liveloop-border:#3d444d;--liveloop-accent:#4493f8;--liveloop-accent-fg:#0d1117;--liveloop-negative:#f85149;--liveloop-star:#d29922}
@media (prefers-color-scheme:dark){[data-liveloop=styled][data-theme=auto]{--liveloop-fg:#f0f6fc;--liveloop-muted:#9198a1;--liveloop-bg:#151b23;--liveloop-surface:#212830;--liveloop-border:#3d444d;--liveloop-accent:#4493f8;--liveloop-accent-fg:#0d1117;--liveloop-negative:#f85149;--liveloop-star:#d29922}}
[data-liveloop=styled] [data-part=row]{display:flex;flex-wrap:wrap;align-items:center;gap:6px}
[data-liveloop=styled] button,[data-liveloop=styled] select,[data-liveloop=styled] textarea{font:inherit;color:inherit}
[data-liveloop=styled] [data-part=button],[data-liveloop=styled] [data-part=chip]{display:inline-flex;align-items:center;gap:4px;min-height:28px;padding:2px 10px;border:1px solid var(--liveloop-border);border-radius:var(--liveloop-radius);background:var(--liveloop-bg);cursor:pointer}
[data-liveloop=styled] [data-part=chip]{border-radius:999px}
[data-liveloop=styled] [data-state=on]{border-color:var(--liveloop-accent);background:var(--liveloop-accent);color:var(--liveloop-accent-fg)}
[data-liveloop=styled] [data-part=icon]{flex:none;font-size:16px}
[data-liveloop=styled] [data-part=star]{display:inline-flex;border:0;background:none;padding:2px;font-size:18px;line-height:1;color:var(--liveloop-border);cursor:pointer}
[data-liveloop=styled] [data-part=star] [data-part=icon]{font-size:inherit}
[data-liveloop=styled] [data-part=star][data-state=on]{color:var(--liveloop-star);background:none}
[data-liveloop=styled] :focus-visible{outline:2px solid var(--liveloop-accent);outline-offset:2px}
[data-liveloop=styled] [data-part=panel]{margin-top:8px;padding:10px;border:1px solid var(--liveloop-border);border-radius:var(--liveloop-radius);background:var(--liveloop-surface);display:grid;gap:8px}
[data-liveloop=styled] textarea,[data-liveloop=styled] select{width:100%;box-sizing:border-box;padding:6px 8px;border:1px solid var(--liveloop-border);border-radius:var(--liveloop-radius);background:var(--liveloop-bg)}
[data-liveloop=styled] [data-part=submit]{justify-self:start;padding:4px 12px;border:0;border-radius:var(--liveloop-radius);background:var(--liveloop-accent);color:var(--liveloop-accent-fg);cursor:pointer}
[data-liveloop=styled] [data-part=status]{color:var(--liveloop-muted)}
[data-liveloop=styled][data-part=overlay]{position:fixed;inset:0;background:rgb(0 0 0/.4)}
[data-liveloop=styled] [data-part=error]{margin:0;color:var(--liveloop-negative)}
[data-liveloop=styled] [data-part=close]{position:absolute;top:10px;right:10px;display:inline-flex;padding:4px;border:0;border-radius:var(--liveloop-radius);background:none;color:var(--liveloop-muted);cursor:pointer}
[data-liveloop=styled][data-part=dialog]{font-family:var(--liveloop-dialog-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);position:fixed;top:50%;left:50%;transform:translate(-50%,-50%);width:min(28rem,calc(100vw - 2rem));padding:16px;border-radius:var(--liveloop-radius);background:var(--liveloop-bg);box-shadow:0 8px 30px rgb(0 0 0/.25);display:grid;gap:10px}
[data-liveloop=styled] [data-part=title]{margin:0 28px 0 0;font-size:16px}
[data-liveloop=styled] [data-part=description]{margin:0;color:var(--liveloop-muted)}
`;

/** Adds the stylesheet to the document once (with the page's CSP nonce when it has one). */
export function injectWidgetStyles(doc: Document, nonce?: string): void {
  if (doc.getElementById("liveloop-styles")) return;
  const style = doc.createElement("style");
  style.id = "liveloop-styles";
  if (nonce) style.nonce = nonce;
  style.textContent = widgetStyles;
  doc.head.append(style);
}
