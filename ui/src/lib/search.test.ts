import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSearch, type SearchState } from "./search";

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("search as you type", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("asks at once for the first text, then only for the latest text typed while it was answered", async () => {
    const answers = new Map<string, ReturnType<typeof deferred<string[]>>>();
    const fetch = vi.fn((q: string) => {
      const d = deferred<string[]>();
      answers.set(q, d);
      return d.promise;
    });
    const states: SearchState<string>[] = [];
    const s = createSearch({ fetch, onChange: (x) => states.push(x) });
    s.input("j");
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenLastCalledWith("j");
    s.input("jo");
    s.input("jos ");
    expect(fetch).toHaveBeenCalledTimes(1);
    answers.get("j")!.resolve(["J"]);
    await vi.runAllTimersAsync();
    // "j"'s answer is not shown (the text moved on); "jo" was never sent; "jos" goes at once.
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch).toHaveBeenLastCalledWith("jos");
    expect(states.some((x) => x.results.includes("J"))).toBe(false);
    answers.get("jos")!.resolve(["jos"]);
    await vi.runAllTimersAsync();
    expect(states.at(-1)).toEqual({ query: "jos", results: ["jos"], loading: false, error: null });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("uses no timer: the answer shows as soon as it arrives", async () => {
    const fetch = vi.fn(async (q: string) => [q]);
    let last: SearchState<string> | null = null;
    const s = createSearch({ fetch, onChange: (x) => (last = x) });
    s.input("smi");
    expect(vi.getTimerCount()).toBe(0);
    await Promise.resolve();
    await Promise.resolve();
    expect(last!).toEqual({ query: "smi", results: ["smi"], loading: false, error: null });
  });

  it("never shows a slow answer to an older query over a newer one", async () => {
    const answers = new Map<string, ReturnType<typeof deferred<string[]>>>();
    const fetch = (q: string) => {
      const d = deferred<string[]>();
      answers.set(q, d);
      return d.promise;
    };
    let last: SearchState<string> | null = null;
    const s = createSearch({ fetch, onChange: (x) => (last = x) });
    s.input("jo");
    s.input("jose");
    answers.get("jo")!.resolve(["Jo", "Joan", "José"]);
    await vi.runAllTimersAsync();
    // The older answer arrived first and is not shown: the list waits for the newer one.
    expect(last!).toMatchObject({ query: "jose", results: [], loading: true });
    answers.get("jose")!.resolve(["José"]);
    await vi.runAllTimersAsync();
    expect(last!.results).toEqual(["José"]);
    expect(last!.loading).toBe(false);
    expect(last!.query).toBe("jose");
  });

  it("clears results at once when the box is emptied", async () => {
    const fetch = vi.fn(async () => ["x"]);
    let last: SearchState<string> | null = null;
    const s = createSearch({ fetch, onChange: (x) => (last = x) });
    s.input("smi");
    await vi.runAllTimersAsync();
    expect(last!.results).toEqual(["x"]);
    s.input("   ");
    expect(last!.results).toEqual([]);
    await vi.runAllTimersAsync();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("reports a failed search as an error and keeps working", async () => {
    let fail = true;
    const fetch = async (q: string) => {
      if (fail) throw new Error("database is locked");
      return [q];
    };
    let last: SearchState<string> | null = null;
    const s = createSearch({ fetch, onChange: (x) => (last = x) });
    s.input("a");
    await vi.runAllTimersAsync();
    expect(last!.error).toBe("database is locked");
    fail = false;
    s.refresh();
    await vi.runAllTimersAsync();
    expect(last!).toMatchObject({ results: ["a"], error: null });
  });
});
