import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const documentSettings = vi.fn();
const documentSettingsSet = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    documentSettings: () => documentSettings(),
    documentSettingsSet: (s: unknown) => documentSettingsSet(s),
  },
}));

import DocumentSettings from "./DocumentSettings.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const settings = {
  statement_note: "Thank you.", statement_due_days: 21, statement_min_balance_cents: 500, statement_skip_days: 28,
  hipaa_text: "I received the notice.", financial_policy_text: "Payment is due at the time of service.",
  treatment_consent_text: "I consent.", photo_consent_text: "Photos may be taken.", photo_consent_for_all: false,
};

describe("document settings", () => {
  afterEach(() => {
    cleanup();
    vi.clearAllMocks();
  });

  it("saves the statement figures, the texts and the photo consent choice", async () => {
    documentSettings.mockResolvedValue(ok(settings));
    documentSettingsSet.mockResolvedValue(ok(null));
    render(DocumentSettings);
    const min = (await screen.findByTestId("field-statement_min_balance_cents")) as HTMLInputElement;
    expect(min.value).toBe("5.00");
    expect((screen.getByTestId("field-hipaa_text") as HTMLTextAreaElement).value).toBe("I received the notice.");
    await fireEvent.input(min, { target: { value: "12.50" } });
    await fireEvent.input(screen.getByTestId("field-statement_due_days"), { target: { value: "30" } });
    await fireEvent.input(screen.getByTestId("field-photo_consent_text"), { target: { value: "Before/after photos." } });
    await fireEvent.click(screen.getByTestId("field-photo_consent_for_all"));
    await fireEvent.click(screen.getByTestId("document-settings-save"));
    expect(documentSettingsSet).toHaveBeenCalledWith({
      ...settings,
      statement_min_balance_cents: 1250,
      statement_due_days: 30,
      photo_consent_text: "Before/after photos.",
      photo_consent_for_all: true,
    });
    expect((await screen.findByTestId("document-settings-saved")).textContent).toBe("Saved");
  });

  it("shows the server's field errors", async () => {
    documentSettings.mockResolvedValue(ok(settings));
    documentSettingsSet.mockResolvedValue({
      status: "error",
      error: { code: "validation", message: "Please correct the highlighted fields.", fields: [{ field: "statement_due_days", problem: "must be from 1 to 90 days" }, { field: "hipaa_text", problem: "cannot be empty" }] },
    });
    render(DocumentSettings);
    await fireEvent.input(await screen.findByTestId("field-statement_due_days"), { target: { value: "120" } });
    await fireEvent.input(screen.getByTestId("field-hipaa_text"), { target: { value: " " } });
    await fireEvent.click(screen.getByTestId("document-settings-save"));
    expect((await screen.findByTestId("field-error-statement_due_days")).textContent).toContain("must be from 1 to 90 days");
    expect(screen.getByTestId("field-error-hipaa_text").textContent).toContain("cannot be empty");
    expect(screen.queryByTestId("document-settings-saved")).toBeNull();
  });

  it("does not send a due date that is not a number", async () => {
    documentSettings.mockResolvedValue(ok(settings));
    render(DocumentSettings);
    await fireEvent.input(await screen.findByTestId("field-statement_due_days"), { target: { value: "soon" } });
    await fireEvent.click(screen.getByTestId("document-settings-save"));
    expect(documentSettingsSet).not.toHaveBeenCalled();
    expect(screen.getByTestId("field-error-statement_due_days").textContent).toContain("whole number");
  });
});
