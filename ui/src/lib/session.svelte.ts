// The signed-in user, shared by every component that hides what the user may not do. App.svelte
// sets it on sign-in and clears it on lock and sign-out; components ask `can(permission)`.
import type { Permission, SessionUser } from "../bindings";
import { may } from "./access";

export const session = $state<{ user: SessionUser | null }>({ user: null });

/** May the signed-in user do this? */
export function can(permission: Permission): boolean {
  return may(session.user, permission);
}
