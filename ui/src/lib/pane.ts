// What the main pane shows: nothing yet (the home screen), a patient's card or form, or a screen.
import type { PatientCard } from "../bindings";
import type { ScreenId } from "./screens";

export type Pane =
  | { kind: "empty" }
  | { kind: "card"; card: PatientCard; book?: boolean; pay?: boolean }
  | { kind: "new" }
  | { kind: "edit"; card: PatientCard }
  | { kind: Exclude<ScreenId, "recoveryKit"> };
