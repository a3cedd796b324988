#!/usr/bin/env bash
# The real-window benchmark (issue 17): a release build of the app and of an empty Tauri window,
# a data folder with 100,000 patients and 1,000,000 appointments (`frontdesk bench ui-folder`,
# kept in $BENCH_UI_DIR between runs), then tests/bench/ui-bench.mjs through tauri-driver under
# Xvfb. Prints one JSON object (search p50/p95, day switch p95, card open p95, cold start, idle
# memory beside the empty window's). Not part of the test command. Needs README's set-up.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${FRONTDESK_IN_KEYRING:-}" ]; then
  # The app keeps its key in the OS keychain: a private keyring that lives with the data folder.
  export BENCH_UI_DIR="${BENCH_UI_DIR:-$PWD/target/bench-ui}"
  mkdir -p "$BENCH_UI_DIR"
  export FRONTDESK_KEYRING_HOME="$BENCH_UI_DIR/keyring"
  exec scripts/with-keyring.sh "$0" "$@"
fi
scripts/setup.sh >&2
PATIENTS="${BENCH_PATIENTS:-100000}" APPOINTMENTS="${BENCH_APPOINTMENTS:-1000000}"
export FRONTDESK_PASSWORD="bench password" FRONTDESK_USER=admin BENCH_PATIENTS="$PATIENTS"
(cd ui && npm run build --silent) >&2
cargo build --release --locked -p frontdesk-cli -p frontdesk-desktop --features frontdesk-desktop/bench-empty-window >&2 \
  --bin frontdesk --bin frontdesk-desktop --example empty-window
export APP_BINARY="$PWD/target/release/frontdesk-desktop" CLI_BINARY="$PWD/target/release/frontdesk"
export EMPTY_BINARY="$PWD/target/release/examples/empty-window"
export BENCH_DIR="$BENCH_UI_DIR/data-$PATIENTS-$APPOINTMENTS"
if [ ! -e "$BENCH_DIR/frontdesk.db" ]; then
  rm -rf "$BENCH_DIR"
  echo "bench-ui: filling $BENCH_DIR (once; several minutes)" >&2
  "$CLI_BINARY" --data-dir "$BENCH_DIR" bench ui-folder --patients "$PATIENTS" --appointments "$APPOINTMENTS" >&2
fi
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :78 -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
  pids+=($!)
  export DISPLAY=:78
fi
export WEBKIT_DISABLE_COMPOSITING_MODE=1
tauri-driver --port 4446 --native-port 4447 >"$BENCH_UI_DIR/tauri-driver.log" 2>&1 &
pids+=($!)
export WEBDRIVER_URL=http://127.0.0.1:4446
for _ in $(seq 1 50); do curl -sf "$WEBDRIVER_URL/status" >/dev/null && break; sleep 0.2; done
export BENCH_RESULT="$BENCH_UI_DIR/result.json"
rm -f "$BENCH_RESULT"
node tests/bench/ui-bench.mjs >&2
cat "$BENCH_RESULT"
