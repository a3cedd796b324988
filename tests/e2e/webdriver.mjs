// A minimal W3C WebDriver client (plain HTTP) for tauri-driver: just what the E2E tests use,
// plus the helpers every test shares: the CLI (signed in as the demo administrator) and signing in
// in the window.
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The password of the administrator `admin` (and of the demo users) in every E2E data folder. */
export const PASSWORD = "e2e admin password";

/** Runs the `frontdesk` CLI on `dir` as `admin` (FRONTDESK_USER / FRONTDESK_PASSWORD); returns stdout. */
export const cli = (dir, ...args) =>
  execFileSync(process.env.CLI_BINARY, ["--data-dir", dir, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FRONTDESK_USER: "admin", FRONTDESK_PASSWORD: PASSWORD },
  });

/** A new database in `dir` with the administrator `admin` (no demo data). */
export const initFolder = (dir) => cli(dir, "init", "--admin", "admin");

/**
 * Signs in on the window's sign-in screen. A database made with the CLI then shows the recovery
 * kit once (to a user who may see it): the tests go on from there as before.
 */
export async function signIn(s, user = "admin", password = PASSWORD) {
  const t = (id) => `[data-testid="${id}"]`;
  await s.find(t("sign-in-username"), 30000);
  await s.type(t("sign-in-username"), user);
  await s.type(t("sign-in-password"), password);
  await s.click(t("sign-in-submit"));
}

const BASE = process.env.WEBDRIVER_URL ?? "http://127.0.0.1:4444";
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
export const Keys = { Enter: "\uE007", Escape: "\uE00C", ArrowDown: "\uE015", ArrowUp: "\uE013", Control: "\uE009" };

async function call(method, path, body, timeoutMs = 60000) {
  const res = await fetch(BASE + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const v = json.value ?? {};
    const err = new Error(`${method} ${path}: ${v.error ?? res.status} ${v.message ?? ""}`);
    err.code = v.error;
    throw err;
  }
  return json.value;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class Session {
  static async start(args = []) {
    const value = await call("POST", "/session", {
      capabilities: {
        alwaysMatch: {
          browserName: "wry",
          "tauri:options": { application: process.env.APP_BINARY, args },
        },
      },
    });
    return new Session(value.sessionId);
  }
  constructor(id) {
    this.id = id;
  }
  p(path) {
    return `/session/${this.id}${path}`;
  }
  async quit() {
    await call("DELETE", this.p("")).catch(() => {});
  }
  /** Waits until an element matching the CSS selector exists; returns its id. */
  async find(css, timeoutMs = 15000) {
    const end = Date.now() + timeoutMs;
    for (;;) {
      try {
        const v = await call("POST", this.p("/element"), { using: "css selector", value: css });
        return v[ELEMENT];
      } catch (e) {
        if (Date.now() > end) throw new Error(`no element ${css} after ${timeoutMs} ms`);
        await sleep(150);
      }
    }
  }
  async findAll(css) {
    const v = await call("POST", this.p("/elements"), { using: "css selector", value: css });
    return v.map((e) => e[ELEMENT]);
  }
  async exists(css) {
    return (await this.findAll(css)).length > 0;
  }
  byTestId(id) {
    return `[data-testid="${id}"]`;
  }
  async click(css) {
    await call("POST", this.p(`/element/${await this.find(css)}/click`), {});
  }
  async type(css, text) {
    await call("POST", this.p(`/element/${await this.find(css)}/value`), { text });
  }
  /** Presses the pointer on `fromCss`, moves it onto `toCss` and releases it there. */
  async drag(fromCss, toCss) {
    const from = await this.find(fromCss);
    const to = await this.find(toCss);
    const el = (id) => ({ [ELEMENT]: id });
    // Both ends must be in the viewport: bring the target to the bottom edge (the source is
    // usually above it).
    await call("POST", this.p("/execute/sync"), {
      script: "arguments[0].scrollIntoView({ block: 'end' });",
      args: [el(to)],
    });
    await call("POST", this.p("/actions"), {
      actions: [
        {
          type: "pointer",
          id: "mouse",
          parameters: { pointerType: "mouse" },
          actions: [
            { type: "pointerMove", origin: el(from), x: 0, y: 0, duration: 0 },
            { type: "pointerDown", button: 0 },
            { type: "pause", duration: 100 },
            { type: "pointerMove", origin: el(to), x: 0, y: 0, duration: 200 },
            { type: "pointerUp", button: 0 },
          ],
        },
      ],
    });
    await call("DELETE", this.p("/actions")).catch(() => {});
  }
  async clear(css) {
    await call("POST", this.p(`/element/${await this.find(css)}/clear`), {});
  }
  async text(css) {
    return call("GET", this.p(`/element/${await this.find(css)}/text`));
  }
  /** Runs `script` (a function body; `arguments` as given) in the page; returns its value. */
  async execute(script, args = []) {
    return call("POST", this.p("/execute/sync"), { script, args });
  }
  /** Runs async `script`, whose last argument is the callback to call with the result. */
  async executeAsync(script, args = []) {
    return call("POST", this.p("/execute/async"), { script, args });
  }
  async value(css) {
    return call("GET", this.p(`/element/${await this.find(css)}/property/value`));
  }
  /** Polls until the text of `css` satisfies `pred`; returns it. */
  async waitText(css, pred, timeoutMs = 15000) {
    const end = Date.now() + timeoutMs;
    let last = "";
    for (;;) {
      try {
        last = await this.text(css);
        if (pred(last)) return last;
      } catch {}
      if (Date.now() > end) throw new Error(`text of ${css} never matched; last: ${JSON.stringify(last)}`);
      await sleep(150);
    }
  }
  async screenshot(name) {
    const out = process.env.E2E_OUT;
    if (!out) return;
    // WebKitWebDriver sometimes never answers a screenshot (seen on the recovery-kit screen):
    // a screenshot is evidence for people, not an assertion, so it may not stall the run.
    // WebKit answers a screenshot with the next painted frame; a still page (no caret blinking)
    // paints none, so keep it painting invisibly for a moment.
    await call("POST", this.p("/execute/sync"), {
      script: `const d = document.createElement("div"); let n = 0;
        d.style.cssText = "position:fixed;right:0;bottom:0;width:1px;height:1px;pointer-events:none";
        document.body.appendChild(d);
        const id = setInterval(() => { d.style.background = n++ % 2 ? "#fefefe" : "#fdfdfd";
          if (n > 60) { clearInterval(id); d.remove(); } }, 50);`,
      args: [],
    }).catch(() => {});
    const b64 = await call("GET", this.p("/screenshot"), undefined, 10000).catch((e) => {
      console.error(`screenshot ${name} skipped: ${e.message}`);
      return null;
    });
    if (b64) await writeFile(join(out, `${name}.png`), Buffer.from(b64, "base64"));
  }
}
