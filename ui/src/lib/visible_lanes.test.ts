import { afterEach, describe, expect, it, vi } from "vitest";
import { watchLanes } from "./visible_lanes";

type Callback = (entries: { target: Element; isIntersecting: boolean }[]) => void;

describe("lanes in sight", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("reports the lanes scrolled out of sight, and draws every lane without an observer", () => {
    let report: Callback = () => {};
    const observed: Element[] = [];
    vi.stubGlobal(
      "IntersectionObserver",
      class {
        constructor(cb: Callback, opts: { rootMargin: string }) {
          report = cb;
          expect(opts.rootMargin).toBe("0px 450px");
        }
        observe(el: Element) { observed.push(el); }
        unobserve() {}
        disconnect() {}
      },
    );
    const root = document.createElement("div");
    root.innerHTML = `<div data-lane="1"></div><div data-lane="2"></div><div data-lane="3"></div>`;
    const hidden: Set<number>[] = [];
    const w = watchLanes(root, (h) => hidden.push(h));
    expect(observed).toHaveLength(3);
    const [a, b, c] = observed;
    report([{ target: a, isIntersecting: true }, { target: b, isIntersecting: false }, { target: c, isIntersecting: false }]);
    expect([...hidden.at(-1)!].sort()).toEqual([2, 3]);
    report([{ target: b, isIntersecting: true }]);
    expect([...hidden.at(-1)!]).toEqual([3]);
    const late = document.createElement("div");
    late.dataset.lane = "4";
    w.observe(late);
    expect(observed).toContain(late);

    vi.unstubAllGlobals();
    const none = watchLanes(root, () => hidden.push(new Set([99])));
    none.observe(late);
    expect(hidden.at(-1)).not.toContain(99);
  });
});
