#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (Secret Service),
# so the real OS keychain works on a headless machine. Its keyrings live in a temp dir.
set -euo pipefail
if [ -n "${FRONTDESK_IN_KEYRING:-}" ]; then exec "$@"; fi
# FRONTDESK_KEYRING_HOME: keep the keyring there (persistent); default: a temp dir removed after.
if [ -z "${FRONTDESK_KEYRING_HOME:-}" ]; then
  FRONTDESK_KEYRING_HOME=$(mktemp -d)
  trap 'rm -rf "$FRONTDESK_KEYRING_HOME"' EXIT
fi
export FRONTDESK_KEYRING_HOME
dbus-run-session -- bash -c '
  set -euo pipefail
  export XDG_DATA_HOME="$FRONTDESK_KEYRING_HOME/data" XDG_CONFIG_HOME="$FRONTDESK_KEYRING_HOME/config"
  mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
  eval "$(echo -n frontdesk-test | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL FRONTDESK_IN_KEYRING=1
  "$@"
' bash "$@"
