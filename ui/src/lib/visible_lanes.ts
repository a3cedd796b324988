// The schedule grid with many rooms scrolls sideways: only the lanes in or near sight draw their
// appointments (a day switch then builds a fraction of the nodes at 20 rooms). Lanes are the
// elements with `data-lane="<id>"` inside the scrolling grid; every lane counts as in sight until
// the observer has reported on it, and without an observer (a test's DOM) every lane draws.

export type LaneWatch = { observe: (lane: HTMLElement) => void; unobserve: (lane: HTMLElement) => void; disconnect: () => void };

export function watchLanes(root: HTMLElement, onHidden: (hidden: Set<number>) => void, marginPx = 450): LaneWatch {
  if (typeof IntersectionObserver === "undefined") return { observe: () => {}, unobserve: () => {}, disconnect: () => {} };
  let hidden = new Set<number>();
  const observer = new IntersectionObserver(
    (entries) => {
      const next = new Set(hidden);
      for (const e of entries) {
        const id = Number((e.target as HTMLElement).dataset.lane);
        if (e.isIntersecting) next.delete(id);
        else next.add(id);
      }
      hidden = next;
      onHidden(next);
    },
    { root, rootMargin: `0px ${marginPx}px` },
  );
  root.querySelectorAll<HTMLElement>("[data-lane]").forEach((lane) => observer.observe(lane));
  return { observe: (l) => observer.observe(l), unobserve: (l) => observer.unobserve(l), disconnect: () => observer.disconnect() };
}
