import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const patientCreate = vi.fn();
vi.mock("../../bindings", () => ({ commands: { patientCreate: (...a: unknown[]) => patientCreate(...a) } }));

import PatientForm from "./PatientForm.svelte";

const byId = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe("the patient form", () => {
  beforeEach(() => patientCreate.mockReset());
  afterEach(() => cleanup());

  it("shows Rust's field errors under the fields and keeps what was typed", async () => {
    patientCreate.mockResolvedValue({
      status: "error",
      error: {
        code: "validation",
        message: "2 fields need attention",
        fields: [
          { field: "date_of_birth", problem: "is not a real date" },
          { field: "phone_mobile", problem: "has letters in it" },
        ],
      },
    });
    const onSaved = vi.fn();
    render(PatientForm, { onSaved, onCancel: vi.fn() });
    await fireEvent.input(byId("field-last_name"), { target: { value: "Ñandú" } });
    await fireEvent.input(byId("field-date_of_birth"), { target: { value: "2026-02-30" } });
    await fireEvent.click(byId("save-patient"));

    expect((await screen.findByTestId("field-error-date_of_birth")).textContent).toBe("Date of birth is not a real date");
    expect(screen.getByTestId("field-error-phone_mobile").textContent).toContain("letters");
    expect(screen.getByTestId("error-message").textContent).toContain("Date of birth");
    expect(byId("field-last_name").value).toBe("Ñandú");
    expect(onSaved).not.toHaveBeenCalled();
    const sent = patientCreate.mock.calls[0][0];
    expect(sent).toMatchObject({ last_name: "Ñandú", date_of_birth: "2026-02-30", chart_number: "" });
  });

  it("hands the saved card to its owner", async () => {
    const card = { patient: { id: 7 }, family: {} };
    patientCreate.mockResolvedValue({ status: "ok", data: card });
    const onSaved = vi.fn();
    render(PatientForm, { onSaved, onCancel: vi.fn() });
    await fireEvent.input(byId("field-last_name"), { target: { value: "Kim" } });
    await fireEvent.click(byId("save-patient"));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(card));
  });
});
