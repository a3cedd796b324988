// The window's idle lock: after `minutes` without keyboard or mouse activity it calls `onIdle`
// (App.svelte locks the session); activity is reported to Rust (`onTouch`, i.e. sessionTouch) at
// most once per `touchEveryMs`, so the session's own idle clock keeps in step.
export const TOUCH_EVERY_MS = 30_000;
/** How often the timer looks at the clock. */
const CHECK_EVERY_MS = 1_000;

export type IdleWatch = {
  /** Keyboard or mouse activity happened now. */
  activity(): void;
  /** A new idle time (the office changed its setting). */
  setMinutes(minutes: number): void;
  stop(): void;
};

export function watchIdle(opts: {
  minutes: number;
  onIdle: () => void;
  onTouch: () => void;
  touchEveryMs?: number;
  now?: () => number;
}): IdleWatch {
  const now = opts.now ?? (() => Date.now());
  const touchEvery = opts.touchEveryMs ?? TOUCH_EVERY_MS;
  let minutes = opts.minutes;
  let last = now();
  let lastTouch = last;
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped || minutes <= 0) return;
    if (now() - last >= minutes * 60_000) {
      stop();
      opts.onIdle();
    }
  }, CHECK_EVERY_MS);
  function stop() {
    stopped = true;
    clearInterval(timer);
  }
  return {
    activity() {
      if (stopped) return;
      const t = now();
      last = t;
      if (t - lastTouch >= touchEvery) {
        lastTouch = t;
        opts.onTouch();
      }
    },
    setMinutes(m: number) {
      minutes = m;
    },
    stop,
  };
}

/** The window events that count as someone at the keyboard. */
export const ACTIVITY_EVENTS = ["keydown", "mousedown", "mousemove", "wheel", "touchstart"] as const;
