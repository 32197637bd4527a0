import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown } from "@/components/review/Markdown";

describe("conversation Markdown", () => {
  it("renders formatting but never runs HTML or javascript: links from the data", () => {
    const html = renderToStaticMarkup(
      <Markdown
        text={'**Hi** <script>alert("x")</script> [click](javascript:alert(1)) [docs](https://example.com) <img src=x onerror=alert(1)>'}
      />,
    );
    expect(html).toContain("<strong>Hi</strong>");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain("&lt;script&gt;");
  });
});
