#!/bin/sh
# Runs a test program on a D-Bus session bus of its own, with GNOME Keyring's Secret Service
# started and its login keyring unlocked, and a HOME and runtime folder of its own that are removed
# afterwards: the keychain tests never see or touch the user's keyring.
#   sh with-keyring.sh PROGRAM [ARGS...]
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
chmod 700 "$dir"
status=0
HOME="$dir" XDG_RUNTIME_DIR="$dir" XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config" \
    dbus-run-session -- sh -c '
        # The password on stdin creates the login keyring and unlocks it (an empty one creates none).
        printf "test-only" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        exec "$@"' sh "$@" || status=$?
exit "$status"
