// Search-as-you-type without a fixed delay: the first query goes out at once; while an answer is
// on its way, further typing only replaces the one query waiting to go (coalesced), which goes the
// moment that answer arrives. Only the answer to the latest text is ever shown (a slow answer to
// "jo" must not overwrite the answer to "jos").

export type SearchState<T> = {
  query: string;
  results: T[];
  loading: boolean;
  error: string | null;
};

export type SearchOptions<T> = {
  fetch: (query: string) => Promise<T[]>;
  onChange: (state: SearchState<T>) => void;
  minLength?: number;
};

export function createSearch<T>(opts: SearchOptions<T>) {
  const minLength = opts.minLength ?? 1;
  let state: SearchState<T> = { query: "", results: [], loading: false, error: null };
  /** Bumped by every change of the text: an answer is shown only if it is for the latest. */
  let seq = 0;
  let inFlight = false;
  /** The query to send when the one in flight answers (the latest text; older ones are dropped). */
  let waiting: { query: string; mine: number } | null = null;
  let disposed = false;

  const emit = (patch: Partial<SearchState<T>>) => {
    state = { ...state, ...patch };
    opts.onChange(state);
  };

  async function run(query: string, mine: number) {
    inFlight = true;
    try {
      const results = await opts.fetch(query);
      if (mine === seq && !disposed) emit({ results, loading: false, error: null });
    } catch (e) {
      if (mine === seq && !disposed) emit({ loading: false, error: e instanceof Error ? e.message : String(e) });
    } finally {
      inFlight = false;
      const next = waiting;
      waiting = null;
      if (next && next.mine === seq && !disposed) void run(next.query, next.mine);
    }
  }

  function send(query: string, mine: number) {
    if (inFlight) waiting = { query, mine };
    else void run(query, mine);
  }

  return {
    /** The text in the search box changed. */
    input(raw: string) {
      const query = raw.trim();
      const mine = ++seq;
      waiting = null;
      if (query.length < minLength) {
        emit({ query, results: [], loading: false, error: null });
        return;
      }
      emit({ query, loading: true });
      send(query, mine);
    },
    /** Re-run the current query now (e.g. after a record changed). */
    refresh() {
      if (state.query.length < minLength) return;
      send(state.query, ++seq);
    },
    dispose() {
      seq++;
      waiting = null;
      disposed = true;
    },
    get state() {
      return state;
    },
  };
}
