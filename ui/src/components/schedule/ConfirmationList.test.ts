import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const confirmationList = vi.fn();
const appointmentContact = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    confirmationList: (d: number) => confirmationList(d),
    appointmentContact: (a: number, d: unknown) => appointmentContact(a, d),
  },
}));

import ConfirmationList from "./ConfirmationList.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const person = { id: 4, last_name: "Okafor", first_name: "Ada", preferred_name: "", date_of_birth: "1980-01-01", chart_number: "9", phone: "", status: "active", has_alerts: false, guarantor_id: null };
const item = (state: string) => ({
  appointment: { id: 11, patient: person, start: "", local_date: "2026-11-25", local_time: "09:00", minutes: 60, provider_id: 1, provider: "Dr. A", operatory_id: 1, operatory: "Op 1", type_id: 1, type_name: "Filling", colour: "", status: "scheduled", notes: "", checked_in_at: null },
  state, phone: "2145550101", email: "", preferred: "text", ok_text: true, ok_voicemail: false, last_contact: null,
});

describe("the confirmation list", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("logs each answer with how the patient was reached and shows the new status", async () => {
    confirmationList.mockResolvedValue(ok([item("unconfirmed")]));
    appointmentContact.mockResolvedValue(ok(item("confirmed")));
    render(ConfirmationList, { onOpenPatient: vi.fn() });
    expect((await screen.findByTestId("confirm-state")).textContent).toBe("not confirmed");
    expect(screen.getByTestId("confirm-row").textContent).toContain("(214) 555-0101");
    await fireEvent.change(screen.getByTestId("confirm-method"), { target: { value: "text" } });
    await fireEvent.click(screen.getByTestId("confirm-confirmed"));
    expect(appointmentContact).toHaveBeenCalledWith(11, { method: "text", outcome: "confirmed", note: "" });
    await vi.waitFor(() => expect(screen.getByTestId("confirm-state").textContent).toBe("confirmed"));
  });
});
