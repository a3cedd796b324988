// Search-as-you-type: debounced, and only the answer to the latest query is ever shown
// (a slow answer to "jo" must not overwrite the answer to "jos").

export type SearchState<T> = {
  query: string;
  results: T[];
  loading: boolean;
  error: string | null;
};

export type SearchOptions<T> = {
  fetch: (query: string) => Promise<T[]>;
  onChange: (state: SearchState<T>) => void;
  delayMs?: number;
  minLength?: number;
};

export function createSearch<T>(opts: SearchOptions<T>) {
  const delay = opts.delayMs ?? 120;
  const minLength = opts.minLength ?? 1;
  let state: SearchState<T> = { query: "", results: [], loading: false, error: null };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let seq = 0;

  const emit = (patch: Partial<SearchState<T>>) => {
    state = { ...state, ...patch };
    opts.onChange(state);
  };

  async function run(query: string, mine: number) {
    try {
      const results = await opts.fetch(query);
      if (mine === seq) emit({ results, loading: false, error: null });
    } catch (e) {
      if (mine === seq) emit({ loading: false, error: e instanceof Error ? e.message : String(e) });
    }
  }

  return {
    /** The text in the search box changed. */
    input(raw: string) {
      const query = raw.trim();
      const mine = ++seq;
      if (timer) clearTimeout(timer);
      timer = null;
      if (query.length < minLength) {
        emit({ query, results: [], loading: false, error: null });
        return;
      }
      emit({ query, loading: true });
      timer = setTimeout(() => {
        timer = null;
        void run(query, mine);
      }, delay);
    },
    /** Re-run the current query now (e.g. after a record changed). */
    refresh() {
      if (state.query.length < minLength) return;
      const mine = ++seq;
      if (timer) clearTimeout(timer);
      timer = null;
      void run(state.query, mine);
    },
    dispose() {
      seq++;
      if (timer) clearTimeout(timer);
    },
    get state() {
      return state;
    },
  };
}
