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

  it("waits for typing to pause, then asks once for the last text", async () => {
    const fetch = vi.fn(async (q: string) => [q]);
    const states: SearchState<string>[] = [];
    const s = createSearch({ fetch, onChange: (x) => states.push(x), delayMs: 100 });
    s.input("j");
    s.input("jo");
    s.input("jos ");
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith("jos");
    expect(states.at(-1)).toEqual({ query: "jos", results: ["jos"], loading: false, error: null });
  });

  it("never shows a slow answer to an older query over a newer one", async () => {
    const answers = new Map<string, ReturnType<typeof deferred<string[]>>>();
    const fetch = (q: string) => {
      const d = deferred<string[]>();
      answers.set(q, d);
      return d.promise;
    };
    let last: SearchState<string> | null = null;
    const s = createSearch({ fetch, onChange: (x) => (last = x), delayMs: 10 });
    s.input("jo");
    await vi.advanceTimersByTimeAsync(10);
    s.input("jose");
    await vi.advanceTimersByTimeAsync(10);
    answers.get("jose")!.resolve(["José"]);
    await vi.runAllTimersAsync();
    answers.get("jo")!.resolve(["Jo", "Joan", "José"]);
    await vi.runAllTimersAsync();
    expect(last!.results).toEqual(["José"]);
    expect(last!.query).toBe("jose");
  });

  it("clears results at once when the box is emptied", async () => {
    const fetch = vi.fn(async () => ["x"]);
    let last: SearchState<string> | null = null;
    const s = createSearch({ fetch, onChange: (x) => (last = x), delayMs: 10 });
    s.input("smi");
    await vi.advanceTimersByTimeAsync(10);
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
    const s = createSearch({ fetch, onChange: (x) => (last = x), delayMs: 0 });
    s.input("a");
    await vi.runAllTimersAsync();
    expect(last!.error).toBe("database is locked");
    fail = false;
    s.refresh();
    await vi.runAllTimersAsync();
    expect(last!).toMatchObject({ results: ["a"], error: null });
  });
});
