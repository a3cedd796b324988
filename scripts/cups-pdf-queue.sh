#!/usr/bin/env bash
# Sets up a local CUPS print queue named PDF (cups-pdf) that "prints" to PDF files, so the
# printing crate (crates/printing) can be tested against a real spooler.
#
# Idempotent; runs as root on Debian/Ubuntu (uses sudo when not root). It:
#   1. installs cups, cups-client, printer-driver-cups-pdf (and poppler-utils for pdftotext),
#      running apt-get update only when something is missing;
#      (cupsd is also told not to keep copies of printed documents: PreserveJobFiles No)
#   2. makes cups-pdf write to a predictable folder: /var/spool/cups-pdf/<user who printed>
#      (the stock config writes to ${HOME}/PDF, which for root jobs is /root/PDF);
#   3. starts cupsd directly when it is not running (no systemd needed) and waits for it;
#   4. adds the queue PDF (cups-pdf:/ with the cups-pdf PPD), enables it, makes it the default;
#   5. prints a one-page test PDF (no patient data) and waits until the file appears, then removes it
#      (skip with --no-check).
#
# Its last line of output is always  CUPS_PDF_OUT=<dir>  : the folder where jobs submitted by the
# invoking user land (for `sudo` runs, the user who ran sudo). Export it for the integration test:
#   eval "$(scripts/cups-pdf-queue.sh | tail -n1)"; export CUPS_PDF_OUT
#   cargo test -p frontdesk-printing
set -euo pipefail

CHECK=1
for arg in "$@"; do
  case "$arg" in
    --no-check) CHECK=0 ;;
    -h | --help)
      sed -n '2,20p' "$0"
      exit 0
      ;;
    *)
      echo "cups-pdf-queue: unknown argument: $arg" >&2
      exit 2
      ;;
  esac
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

QUEUE=PDF
CONF=/etc/cups/cups-pdf.conf
OUT_BASE=/var/spool/cups-pdf
# The user whose jobs we check: the one who ran the script (or sudo).
JOB_USER="${SUDO_USER:-$(id -un)}"
OUT_DIR="$OUT_BASE/$JOB_USER"

log() { echo "cups-pdf-queue: $*" >&2; }

# 1. packages -------------------------------------------------------------------------------
APT_PACKAGES=(cups cups-client printer-driver-cups-pdf poppler-utils)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing apt packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# 2. predictable output folder ---------------------------------------------------------------
if [ ! -f "$CONF" ]; then
  log "missing $CONF (is printer-driver-cups-pdf installed?)"
  exit 1
fi
WANT_OUT="Out $OUT_BASE/\${USER}"
if ! grep -qxF "$WANT_OUT" "$CONF"; then
  log "setting '$WANT_OUT' in $CONF"
  # Comment out any active Out line, then append ours.
  $SUDO sed -i -E 's/^[[:space:]]*Out[[:space:]]/#&/' "$CONF"
  echo "$WANT_OUT" | $SUDO tee -a "$CONF" >/dev/null
fi
$SUDO mkdir -p "$OUT_BASE"

# 3. scheduler ----------------------------------------------------------------------------------
scheduler_running() { LC_ALL=C lpstat -r 2>/dev/null | grep -q "scheduler is running"; }
if ! scheduler_running; then
  log "starting cupsd"
  $SUDO mkdir -p /run/cups
  # cupsd daemonizes itself; a stale pid file from a killed container would not matter.
  $SUDO /usr/sbin/cupsd
  for _ in $(seq 1 100); do
    scheduler_running && break
    sleep 0.1
  done
  if ! scheduler_running; then
    log "cupsd did not come up; see /var/log/cups/error_log"
    exit 1
  fi
fi

# CUPS keeps a copy of every printed document in /var/spool/cups for a day by default
# (PreserveJobFiles 86400). Printed documents hold patient data: drop them when the job is done.
if ! grep -qiE '^[[:space:]]*PreserveJobFiles[[:space:]]+(no|off|false)[[:space:]]*$' /etc/cups/cupsd.conf; then
  log "setting PreserveJobFiles No (cupsctl restarts the scheduler)"
  $SUDO cupsctl PreserveJobFiles=No
  for _ in $(seq 1 100); do
    scheduler_running && break
    sleep 0.1
  done
fi

# 4. the PDF queue ------------------------------------------------------------------------------
find_ppd() {
  # e.g. "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd Generic CUPS-PDF Printer (w/ options)"
  local models
  models="$($SUDO lpinfo -m 2>/dev/null | grep -i 'cups-pdf' || true)"
  local ppd
  ppd="$(printf '%s\n' "$models" | awk '{print $1}' | grep -i '_opt\.ppd$' | head -n1)"
  [ -n "$ppd" ] || ppd="$(printf '%s\n' "$models" | awk '{print $1}' | head -n1)"
  printf '%s' "$ppd"
}
if ! LC_ALL=C lpstat -v "$QUEUE" >/dev/null 2>&1; then
  PPD="$(find_ppd)"
  if [ -z "$PPD" ]; then
    log "no cups-pdf PPD found in 'lpinfo -m'"
    exit 1
  fi
  log "adding queue $QUEUE (model $PPD)"
  $SUDO lpadmin -p "$QUEUE" -E -v cups-pdf:/ -m "$PPD"
fi
# cups-pdf distils PostScript: CUPS first turns the PDF into PostScript. Its default renderer
# (Ghostscript) turns embedded CID TrueType fonts into Type 3 glyphs without Unicode, so the
# output's text could not be read back; the cairo renderer keeps Latin text (accents included)
# as real text. (Other scripts still print correctly; only their text layer in the output is lost.)
$SUDO lpadmin -p "$QUEUE" -o pdftops-renderer-default=pdftocairo
# Enable/accept every time (cheap, and repairs a queue that was stopped by a failed job).
$SUDO cupsenable "$QUEUE"
$SUDO cupsaccept "$QUEUE"
if ! LC_ALL=C lpstat -d 2>/dev/null | grep -q "system default destination: $QUEUE\$"; then
  log "making $QUEUE the default destination"
  $SUDO lpadmin -d "$QUEUE"
fi

# 5. self-check --------------------------------------------------------------------------------
if [ "$CHECK" -eq 1 ]; then
  # A minimal one-page PDF (text "FrontDesk queue check"); cross-reference offsets don't matter to
  # the CUPS filters, which repair them.
  check_pdf='%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 54 >> stream
BT /F1 18 Tf 72 700 Td (FrontDesk queue check) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R /Size 6 >>
%%EOF'
  # Run lp as the job user so the file lands where that user's jobs land.
  LP=(lp)
  if [ "$(id -u)" -eq 0 ] && [ "$JOB_USER" != root ]; then LP=(runuser -u "$JOB_USER" -- lp); fi
  marker="$(mktemp -u frontdesk-queue-check-XXXXXX)"
  marker="${marker##*/}"
  req="$(printf '%s\n' "$check_pdf" | "${LP[@]}" -d "$QUEUE" -t "$marker" -)"
  log "$req"
  found=""
  for _ in $(seq 1 300); do
    found="$($SUDO find "$OUT_DIR" -maxdepth 1 -name "*${marker}*.pdf" 2>/dev/null | head -n1 || true)"
    [ -n "$found" ] && break
    sleep 0.1
  done
  if [ -z "$found" ]; then
    log "test job did not appear in $OUT_DIR within 30 s; recent /var/log/cups/error_log:"
    $SUDO tail -n 20 /var/log/cups/error_log >&2 || true
    exit 1
  fi
  log "test job printed to $found (removed)"
  $SUDO rm -f "$found"
fi

echo "CUPS_PDF_OUT=$OUT_DIR"
