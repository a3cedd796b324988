#!/usr/bin/env bash
# End-to-end tests through the real app window: builds the UI and the desktop binary, starts
# Xvfb (if there is no display) and tauri-driver, and runs tests/e2e/*.test.mjs with node.
# Run it inside scripts/with-keyring.sh (the app keeps its key in the OS keychain).
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run build --silent)
# The binaries as `cargo test --workspace` builds them (same features, so after the test run this
# compiles nothing; `cargo build -p …` would build the GTK stack a second time).
cargo test --workspace --locked --no-run
export APP_BINARY="$PWD/target/debug/frontdesk-desktop" CLI_BINARY="$PWD/target/debug/frontdesk"
export E2E_OUT="$PWD/tests/e2e/out"
mkdir -p "$E2E_OUT"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :77 -screen 0 1440x900x24 -nolisten tcp >"$E2E_OUT/xvfb.log" 2>&1 &
  pids+=($!)
  export DISPLAY=:77
fi
export WEBKIT_DISABLE_COMPOSITING_MODE=1
tauri-driver --port 4444 >"$E2E_OUT/tauri-driver.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do curl -sf http://127.0.0.1:4444/status >/dev/null && break; sleep 0.2; done
# E2E_FILES: run only these test files (default: all).
node --test --test-concurrency=1 ${E2E_FILES:-tests/e2e/*.test.mjs}
# After the whole suite: no seeded patient name in plain text anywhere it must not be.
if [ -z "${E2E_FILES:-}" ]; then
  scripts/phi-scan.sh Okonkwo Adaeze Ifeoma Lindqvist Kowalczyk Achebe Haddad
fi
