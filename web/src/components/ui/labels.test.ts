import { describe, expect, it } from "vitest";
import { failureCategoryLabel, feedbackReasonLabel, labelFromKey, reportCategoryLabel } from "@/components/ui/labels";

describe("labels", () => {
  it("turns a stored key into words", () => {
    expect(labelFromKey("lack_of_knowledge")).toBe("Lack of knowledge");
    expect(labelFromKey("wrong-tone")).toBe("Wrong tone");
    expect(labelFromKey("__")).toBe("__");
  });
  it("uses the written label for keys the widget offers", () => {
    expect(feedbackReasonLabel("off_topic")).toBe("Not what I asked");
    expect(feedbackReasonLabel("incorrect")).toBe("Wrong or inaccurate");
    expect(reportCategoryLabel("privacy")).toBe("Privacy concern");
  });
  it("words a project's own keys, and never reads inherited properties", () => {
    expect(feedbackReasonLabel("slow_answer")).toBe("Slow answer");
    expect(feedbackReasonLabel("constructor")).toBe("Constructor");
    expect(failureCategoryLabel("pii_leak")).toBe("PII leak");
    expect(failureCategoryLabel("hallucination")).toBe("Hallucination");
  });
});
