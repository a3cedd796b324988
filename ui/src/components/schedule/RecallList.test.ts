import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const recallList = vi.fn();
const unscheduledList = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    recallList: (f: string, u: string, only: boolean) => recallList(f, u, only),
    unscheduledList: () => unscheduledList(),
  },
}));

import RecallList from "./RecallList.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const person = { id: 4, last_name: "Okafor", first_name: "Ada", preferred_name: "", date_of_birth: "1980-01-01", chart_number: "9", phone: "", status: "active", has_alerts: false, guarantor_id: null };

describe("the recall list", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("lists overdue patients not booked, asks again with a date, and opens the patient", async () => {
    recallList.mockResolvedValue(ok([{ patient: person, recall: "Prophy (cleaning)", last_done: "2026-05-20", due: "2026-11-20", overdue: true, next_appointment: null }]));
    unscheduledList.mockResolvedValue(ok([]));
    const onOpenPatient = vi.fn();
    render(RecallList, { onOpenPatient });
    const row = await screen.findByTestId("recall-row");
    expect(row.textContent).toContain("11/20/2026 (overdue)");
    expect(row.textContent).toContain("not booked");
    expect(recallList).toHaveBeenLastCalledWith("", "", true);
    await fireEvent.input(screen.getByTestId("recall-until"), { target: { value: "12/31/2026" } });
    await fireEvent.click(screen.getByTestId("recall-unscheduled"));
    await fireEvent.click(screen.getByText("Show"));
    await vi.waitFor(() => expect(recallList).toHaveBeenLastCalledWith("", "2026-12-31", false));
    await fireEvent.click(screen.getByText("Okafor, Ada"));
    expect(onOpenPatient).toHaveBeenCalledWith(4);
  });
});
