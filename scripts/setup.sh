#!/usr/bin/env bash
# Installs everything FrontDesk needs to build, run and test on a fresh Debian/Ubuntu machine.
# Idempotent: skips what is already present.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

APT_PACKAGES=(
  # Tauri 2 / WebKitGTK
  build-essential pkg-config curl file libssl-dev
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev
  # headless window + WebDriver for end-to-end tests
  xvfb webkit2gtk-driver
  # OS keychain (Secret Service) for the database key
  dbus dbus-x11 gnome-keyring libdbus-1-dev libsecret-tools
  # PDF text checks
  poppler-utils
  # the offline E2E run: a network namespace with only loopback (unshare, ip)
  util-linux iproute2
  # printing: CUPS with a PDF queue (scripts/cups-pdf-queue.sh) for the real-spooler tests
  cups cups-client printer-driver-cups-pdf
  # fonts so the UI renders names in any script
  fonts-dejavu-core fonts-noto-core fonts-noto-cjk
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing apt packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "setup: Rust is missing; install it with rustup (https://rustup.rs) and re-run" >&2
  exit 1
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup: installing Node.js"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm
fi

if ! command -v tauri-driver >/dev/null; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  (cd ui && npm ci --no-audit --no-fund)
fi
echo "setup: done"
