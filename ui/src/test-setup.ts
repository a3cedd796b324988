// Every component test starts signed in as a user who may do everything (tests of what is hidden
// set a narrower user in `session.user`).
import { beforeEach } from "vitest";
import { PERMISSIONS } from "./lib/access";
import { session } from "./lib/session.svelte";

beforeEach(() => {
  session.user = {
    user_id: 1,
    username: "admin",
    full_name: "Office Administrator",
    role: "admin",
    permissions: PERMISSIONS.map((p) => p.id),
  };
});
