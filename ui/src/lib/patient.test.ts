import { describe, expect, it } from "vitest";
import { age, alertText, fullName, phone, usDate } from "./patient";

describe("patient display", () => {
  it("files names last-first and shows a different preferred name", () => {
    expect(fullName({ last_name: "Núñez", first_name: "José", preferred_name: "Pepe" })).toBe("Núñez, José (Pepe)");
    expect(fullName({ last_name: "Kim", first_name: "Min", preferred_name: "" })).toBe("Kim, Min");
  });

  it("shows dates and phones the way a US front desk reads them", () => {
    expect(usDate("1984-03-07")).toBe("03/07/1984");
    expect(phone("5553219876")).toBe("(555) 321-9876");
    expect(phone("+1 555 321 9876")).toBe("(555) 321-9876");
    expect(phone("+44 20 7946 0958")).toBe("+44 20 7946 0958");
  });

  it("counts age in whole years, before and on the birthday", () => {
    expect(age("1984-03-07", new Date(2026, 2, 6))).toBe(41);
    expect(age("1984-03-07", new Date(2026, 2, 7))).toBe(42);
  });

  it("builds the alert banner from allergies, premedication and alerts", () => {
    expect(alertText({ allergies: "Latex", premedication: true, alerts: "Bleeds easily" })).toBe(
      "Allergies: Latex · Premedication required · Bleeds easily",
    );
    expect(alertText({ allergies: " ", premedication: false, alerts: "" })).toBe("");
  });
});
