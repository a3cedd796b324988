#!/usr/bin/env bash
# PHI on disk: after the E2E suite (demo data, printing, a backup and a restore through the real
# app and CLI), looks for the names the tests seeded wherever patient data must never land in
# plain text — the E2E data and backup folders (their databases are encrypted), temp folders,
# ~/.cache and ~/.local/share (the web view's caches and storage), the CUPS spool and logs, and the
# suite's own logs. One hit fails the run. The CUPS-PDF output folder ($CUPS_PDF_OUT, the test
# "printer") and files the user asked to save (~/Documents) are outputs, not leaks, and are not
# scanned.
# Usage: scripts/phi-scan.sh MARKER...
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$#" -gt 0 ] || { echo "phi-scan: give the marker names" >&2; exit 2; }
places=(/tmp /var/tmp "$HOME/.cache" "$HOME/.local/share" /var/spool/cups /var/log/cups tests/e2e/out)
# PHI_SCAN_PLACES (colon-separated) replaces them, for scripts/phi-scan-selftest.sh.
if [ -n "${PHI_SCAN_PLACES:-}" ]; then IFS=: read -r -a places <<<"$PHI_SCAN_PLACES"; fi
# Source trees are not FrontDesk's data: any folder holding a git checkout (its tests and demo
# generator name the markers) or a cargo build folder (its binaries embed them) is skipped, wherever
# it is — a clone of this repository left in /tmp must not fail the run, a real leak beside it must.
prune=(-name 'bash_jobs.*' -o -name Documents)
if [ -n "${CUPS_PDF_OUT:-}" ]; then prune+=(-o -path "$CUPS_PDF_OUT"); fi
prune+=(-o -exec test -e '{}/.git' ';' -o -exec test -f '{}/CACHEDIR.TAG' ';')
scanned=0
hits=0
for p in "${places[@]}"; do
  [ -e "$p" ] || continue
  scanned=$((scanned + 1))
  # Each place is walked once. The tests' own input files (patient drafts handed to the CLI, like
  # a file an office imports: p.json, draft.json) are the tests' data, not FrontDesk's.
  mapfile -d '' files < <(find "$p" -xdev -type d \( "${prune[@]}" \) -prune \
    -o -type f ! -name p.json ! -name draft.json -print0 2>/dev/null)
  [ "${#files[@]}" -gt 0 ] || continue
  for m in "$@"; do
    # grep's status is not used: xargs reports "no match" when any one batch had none.
    found=$(printf '%s\0' "${files[@]}" | xargs -0 -r grep -lasF -- "$m" 2>/dev/null || true)
    if [ -n "$found" ]; then
      echo "phi-scan: '$m' found in plain text in:" >&2
      echo "$found" | sed 's/^/  /' >&2
      hits=$((hits + 1))
    fi
  done
done
[ "$scanned" -ge 3 ] || { echo "phi-scan: too few places to scan ($scanned)" >&2; exit 1; }
if [ "$hits" -gt 0 ]; then exit 1; fi
echo "phi-scan: no plain-text patient names in ${scanned} places"
