import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { watchIdle } from "./idle";

describe("watchIdle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("fires once after the idle minutes, and activity postpones it", () => {
    const onIdle = vi.fn();
    const w = watchIdle({ minutes: 2, onIdle, onTouch: () => {} });
    vi.advanceTimersByTime(90_000);
    w.activity();
    vi.advanceTimersByTime(90_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(31_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(600_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("reports activity at most once per 30 seconds", () => {
    const onTouch = vi.fn();
    const w = watchIdle({ minutes: 5, onIdle: () => {}, onTouch });
    for (let i = 0; i < 100; i++) {
      vi.advanceTimersByTime(1_000);
      w.activity();
    }
    // 100 s of constant activity: touched at 30, 60 and 90 s.
    expect(onTouch).toHaveBeenCalledTimes(3);
    w.stop();
  });

  it("takes a new idle time", () => {
    const onIdle = vi.fn();
    const w = watchIdle({ minutes: 10, onIdle, onTouch: () => {} });
    w.setMinutes(1);
    vi.advanceTimersByTime(61_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});
