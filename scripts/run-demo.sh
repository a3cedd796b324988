#!/usr/bin/env bash
# Installs what is missing, fills a demo database (first run only) and starts the FrontDesk app.
# Data: $FRONTDESK_DATA_DIR (default ~/.local/share/FrontDesk-demo); key: the OS keychain.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export FRONTDESK_DATA_DIR="${FRONTDESK_DATA_DIR:-$HOME/.local/share/FrontDesk-demo}"
# The demo office's users: admin, front_desk, billing, clinical, manager, all with this password.
export FRONTDESK_PASSWORD="${FRONTDESK_PASSWORD:-demo password}"
echo "run-demo: sign in as admin (or front_desk, billing, clinical, manager) with the password '$FRONTDESK_PASSWORD'"
(cd ui && npm run build --silent)
cargo build -p frontdesk-cli -p frontdesk-desktop
run() {
  if [ ! -e "$FRONTDESK_DATA_DIR/frontdesk.db" ]; then
    target/debug/frontdesk demo --patients 500
  fi
  exec target/debug/frontdesk-desktop
}
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  # Headless machine: give the app a keychain and a virtual screen so it still runs.
  echo "run-demo: no desktop session; using a private keyring and Xvfb :88 (screenshots only)"
  Xvfb :88 -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
  export DISPLAY=:88
  export FRONTDESK_KEYRING_HOME="${FRONTDESK_KEYRING_HOME:-$FRONTDESK_DATA_DIR-keyring}"
  export -f run
  exec scripts/with-keyring.sh bash -c run
fi
run
