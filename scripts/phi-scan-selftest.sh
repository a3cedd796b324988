#!/usr/bin/env bash
# Proves scripts/phi-scan.sh both ways before the E2E suite relies on it: a source checkout and a
# cargo build folder holding the marker are skipped, a plain-text file holding it anywhere else
# fails the scan. Run by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
marker="Selftest$RANDOM$RANDOM"
mkdir -p "$d/a/clone/.git" "$d/a/clone/src" "$d/b/target" "$d/c/leak"
printf '%s\n' "$marker" >"$d/a/clone/src/people.rs"
touch "$d/b/target/CACHEDIR.TAG"
printf '%s\n' "$marker" >"$d/b/target/frontdesk"
places="$d/a:$d/b:$d/c"
PHI_SCAN_PLACES=$places scripts/phi-scan.sh "$marker" >/dev/null 2>&1 ||
  { echo "phi-scan self-test: a source checkout or build folder was flagged" >&2; exit 1; }
printf 'name=%s\n' "$marker" >"$d/c/leak/cache.sqlite"
if PHI_SCAN_PLACES=$places scripts/phi-scan.sh "$marker" >/dev/null 2>&1; then
  echo "phi-scan self-test: a plain-text name was not found" >&2; exit 1
fi
echo "phi-scan self-test: passed"
