#!/usr/bin/env bash
# THE test command: installs what is missing, then runs every test — UI unit tests, Rust unit,
# integration and acceptance tests (real SQLCipher files, real keychain under D-Bus), the
# bindings freshness check, and the WebDriver end-to-end tests against the real app window (run in
# a network namespace with only loopback up: FrontDesk must work with no network at all).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export CARGO_TERM_COLOR=never

echo "== UI: type check and unit tests"
(cd ui && npm run check && npm test)

echo "== Rust: formatting"
cargo fmt --all --check

echo "== UI build (the desktop binary embeds it)"
(cd ui && npm run build --silent)

echo "== Printing: a local CUPS queue named PDF that writes PDF files (real spooler tests)"
eval "$(scripts/cups-pdf-queue.sh | tail -n1)"
export CUPS_PDF_OUT

echo "== Rust: all tests (under a private D-Bus session with gnome-keyring)"
scripts/with-keyring.sh cargo test --workspace --locked

echo "== PHI scan: self-test (skips source trees, still catches a plain-text name)"
scripts/phi-scan-selftest.sh

echo "== End-to-end: the real app window through WebDriver, offline (a network namespace with only loopback)"
unshare --net bash -c 'ip link set lo up && exec scripts/with-keyring.sh scripts/e2e.sh'
