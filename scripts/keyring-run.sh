#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked, throw-away gnome-keyring,
# so keychain tests use the real Secret Service without touching the user's own keyring.
# usage: scripts/keyring-run.sh CMD [ARGS...]
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "keyring-run: needs dbus-run-session and gnome-keyring-daemon (apt-get install dbus gnome-keyring)" >&2
  exit 127
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run" XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
export AUTHDESK_TEST_KEYRING=1
dbus-run-session -- bash -c 'echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' _ "$@" \
  2> >(grep -v "Failed to set fd limit" >&2)
