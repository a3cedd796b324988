// The real-window benchmark (scripts/bench-ui.sh runs it): timings measured inside the page with
// performance.now() around a dispatched input, key or click, polling every animation frame until
// the DOM shows the answer. Prints one JSON object.
//
// Env: APP_BINARY (release desktop app), CLI_BINARY, EMPTY_BINARY (an empty Tauri window),
// BENCH_DIR (a folder made by `frontdesk bench ui-folder`), FRONTDESK_PASSWORD.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { Session } from "../e2e/webdriver.mjs";

const dir = process.env.BENCH_DIR;
const password = process.env.FRONTDESK_PASSWORD;
const USER = "front_desk";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.error("[bench-ui]", ...a);

function pct(v, p) {
  const s = [...v].sort((a, b) => a - b);
  return Math.round(s[Math.round((p / 100) * (s.length - 1))] * 10) / 10;
}

const cli = (...args) =>
  execFileSync(process.env.CLI_BINARY, ["--data-dir", dir, ...args], {
    encoding: "utf8",
    env: { ...process.env, FRONTDESK_USER: "admin" },
  });

/** ≥ 50 mixed queries from real patients of the folder: name prefixes, whole names, phones as
 * typed, birth dates typed M/D/YYYY, chart numbers. Also chart numbers for card opens. */
function queries(total) {
  const card = (id) => JSON.parse(cli("patient", "show", String(id), "--json")).patient;
  const people = [];
  for (let i = 0; i < 40; i++) people.push(card(1 + Math.floor(((i * 2654435761) % 2 ** 32) / 2 ** 32 * total)));
  const fmtPhone = (d) => `(${d.slice(-10, -7)}) ${d.slice(-7, -4)}-${d.slice(-4)}`;
  const dob = (iso) => { const [y, m, d] = iso.split("-").map(Number); return `${m}/${d}/${y}`; };
  const out = [];
  people.forEach((p, i) => {
    const phone = (p.phone_mobile || p.phone_home || "").replace(/\D/g, "");
    switch (i % 5) {
      case 0: out.push(p.last_name.slice(0, 3)); out.push(`${p.first_name} ${p.last_name}`); break;
      case 1: if (phone.length >= 10) out.push(fmtPhone(phone)); out.push(p.last_name.slice(0, 4)); break;
      case 2: out.push(dob(p.date_of_birth)); out.push(`${p.last_name}, ${p.first_name}`); break;
      case 3: out.push(String(p.chart_number)); out.push(p.first_name.slice(0, 3)); break;
      default: out.push(p.last_name); if (phone.length >= 4) out.push(phone.slice(-4));
    }
  });
  // Cards: patients of the full demo (the first 5,000: insurance, plans, ledgers).
  const demo = Math.min(total, 5000);
  const charts = [];
  for (let i = 0; i < 30; i++) charts.push(String(card(1 + Math.floor(((i * 40503 + 17) % 65536) / 65536 * demo)).chart_number));
  return { mixed: out, unique: [...new Set(charts)] };
}

// In-page: types `q` key by key (every `gapMs`), then times the last keystroke to the list
// answering it. Returns ms.
const TYPE_AND_TIME = `
  const [q, gapMs, done] = arguments;
  const input = document.querySelector('[data-testid="search-input"]');
  const list = () => document.querySelector('ul[role="listbox"]');
  const set = (v) => { input.value = v; input.dispatchEvent(new Event("input", { bubbles: true })); };
  const deadline = performance.now() + 20000;
  const frame = () => {
    if (performance.now() > deadline) throw new Error("the page never showed the answer");
    return new Promise((r) => requestAnimationFrame(r));
  };
  (async () => {
    set("");
    while (list().dataset.answered !== "") await frame();
    for (let i = 1; i < q.length; i++) { set(q.slice(0, i)); await new Promise((r) => setTimeout(r, gapMs)); }
    const t0 = performance.now();
    set(q);
    while (list().dataset.answered !== q.trim()) await frame();
    done(performance.now() - t0);
  })().catch((e) => done("error: " + e));`;

// In-page: Enter in the search box (opens the first result) until the card with its account,
// coverage and treatment-plan panels is drawn for a patient other than the one shown before.
const OPEN_AND_TIME = `
  const [done] = arguments;
  const input = document.querySelector('[data-testid="search-input"]');
  const q = (s) => document.querySelector(s);
  const before = q('[data-testid="patient-card"]')?.dataset.patientId;
  const deadline = performance.now() + 20000;
  const frame = () => {
    if (performance.now() > deadline) throw new Error("the page never showed the answer");
    return new Promise((r) => requestAnimationFrame(r));
  };
  const drawn = () => {
    const id = q('[data-testid="patient-card"]')?.dataset.patientId;
    if (!id || id === before) return false;
    return ["account-panel", "coverage-panel", "treatment-plan"].every(
      (t) => q('[data-testid="' + t + '"]')?.dataset.loadedFor === id);
  };
  (async () => {
    const t0 = performance.now();
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    while (!drawn()) await frame();
    done(performance.now() - t0);
  })().catch((e) => done("error: " + e));`;

// In-page: a click on → until the grid shows `next` (with its appointments when it has any).
const NEXT_DAY_AND_TIME = `
  const [next, done] = arguments;
  const deadline = performance.now() + 20000;
  const frame = () => {
    if (performance.now() > deadline) throw new Error("the page never showed the answer");
    return new Promise((r) => requestAnimationFrame(r));
  };
  const grid = () => document.querySelector(".grid[data-day]");
  const weekday = ![0, 6].includes(new Date(next + "T12:00:00").getDay());
  (async () => {
    const t0 = performance.now();
    document.querySelector('button[aria-label="Next day"]').click();
    while (grid()?.dataset.day !== next || (weekday && !document.querySelector('[data-testid="appointment"]'))) await frame();
    done(performance.now() - t0);
  })().catch((e) => done("error: " + e));`;

const WAIT_MARK = `
  const [name, done] = arguments;
  const poll = () => {
    const m = performance.getEntriesByName(name)[0];
    if (m) done(performance.timeOrigin + m.startTime); else setTimeout(poll, 5);
  };
  poll();`;

async function timed(s, script, args) {
  const v = await s.executeAsync(script, args);
  if (typeof v !== "number") throw new Error(`in-page timing failed: ${v}`);
  return v;
}

/** Sum of PSS (kB) of `pid` and its descendants (the WebKit processes are its children). */
function pssTree(pid) {
  const all = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  const parent = new Map();
  for (const d of all) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [c, p] of parent) if (tree.has(p) && !tree.has(c)) { tree.add(c); grew = true; }
  }
  let kb = 0;
  for (const p of tree) {
    try {
      const m = readFileSync(`/proc/${p}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
      if (m) kb += Number(m[1]);
    } catch {}
  }
  return kb;
}

async function idleMemoryMb(binary, args) {
  const child = spawn(binary, args, { stdio: "ignore", env: process.env });
  await sleep(20000);
  const kb = pssTree(child.pid);
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  if (kb === 0) throw new Error(`${binary}: no memory measured`);
  return Math.round(kb / 1024);
}

const patients = Number(process.env.BENCH_PATIENTS ?? 100000);
const { mixed, unique } = queries(patients);
log(`${mixed.length} search queries, ${unique.length} card opens`);

// Cold starts (the keychain holds the key; the database exists): process start → first input.
const cold = [];
const signInMs = [];
let s;
for (let i = 0; i < 5; i++) {
  const t0 = Date.now();
  s = await Session.start(["--data-dir", dir]);
  const ready = await timed(s, WAIT_MARK, ["frontdesk:sign-in-ready"]);
  cold.push(ready - t0);
  await s.type('[data-testid="sign-in-username"]', USER);
  await s.type('[data-testid="sign-in-password"]', password);
  const clicked = Date.now();
  await s.click('[data-testid="sign-in-submit"]');
  const search = await timed(s, WAIT_MARK, ["frontdesk:search-ready"]);
  signInMs.push(search - clicked);
  if (i < 4) await s.quit();
}
log("cold starts", cold, "sign-ins", signInMs);

// Search: warm-up, then every query typed at 60 ms a key.
for (const q of mixed.slice(0, 5)) await timed(s, TYPE_AND_TIME, [q, 60]);
const search = [];
for (let round = 0; round < 2; round++) for (const q of mixed) search.push(await timed(s, TYPE_AND_TIME, [q, 60]));
log("search", pct(search, 50), pct(search, 95));

// Card opens: a chart number (one hit), then Enter.
const card = [];
for (const q of unique) {
  await timed(s, TYPE_AND_TIME, [q, 0]);
  card.push(await timed(s, OPEN_AND_TIME, []));
}
log("card", pct(card, 50), pct(card, 95));

// Day switch: the schedule from a Monday in 2025, → one day at a time (20 operatories).
await s.click('[data-testid="show-schedule"]');
await s.find('[data-testid="schedule-date"]', 30000);
await s.execute(`const i = document.querySelector('[data-testid="schedule-date"]');
  i.value = "2025-03-03"; i.dispatchEvent(new Event("input", { bubbles: true }));`);
await s.find('.grid[data-day="2025-03-03"]', 30000);
const days = [];
let d = new Date("2025-03-03T12:00:00Z");
for (let i = 0; i < 60; i++) {
  d = new Date(d.getTime() + 86400000);
  const iso = d.toISOString().slice(0, 10);
  const ms = await timed(s, NEXT_DAY_AND_TIME, [iso]);
  if (![0, 6].includes(d.getUTCDay()) && i >= 3) days.push(ms);
}
const columns = (await s.findAll('[data-testid="schedule-column"]')).length;
log("day switch", pct(days, 50), pct(days, 95), "columns", columns);
await s.quit();

// Idle memory: each process tree 20 s after start, same way (no WebDriver).
const appMb = await idleMemoryMb(process.env.APP_BINARY, ["--data-dir", dir]);
const emptyMb = await idleMemoryMb(process.env.EMPTY_BINARY, []);

const result = JSON.stringify({
    patients,
    search_queries: search.length,
    search_p50_ms: pct(search, 50),
    search_p95_ms: pct(search, 95),
    day_switch_p95_ms: pct(days, 95),
    day_switch_p50_ms: pct(days, 50),
    schedule_columns: columns,
    card_open_p95_ms: pct(card, 95),
    card_open_p50_ms: pct(card, 50),
    cold_start_ms: Math.round(pct(cold, 50)),
    sign_in_to_search_ms: Math.round(pct(signInMs, 50)),
    idle_memory_mb: appMb,
    empty_window_memory_mb: emptyMb,
});
// To a file as well: WebKit's helper daemons may write to the same standard output.
if (process.env.BENCH_RESULT) writeFileSync(process.env.BENCH_RESULT, result + "\n");
console.log(result);
