# Sourced by the scripts: installs what PortRelay builds and tests with, from Debian 12 packages.
# Run as root (as CI does) or with sudo available.

portrelay_install_deps() {
    local sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    local packages=(
        # build
        cmake ninja-build ccache g++ pkg-config
        qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
        qt6-l10n-tools qt6-translations-l10n qtkeychain-qt6-dev libgl-dev
        # Qt Charts' CMake package needs Qt6OpenGL, which qt6-base-dev only recommends
        libqt6opengl6-dev
        # tests: real servers, validators, clang for libFuzzer
        redis-server redis-tools socat desktop-file-utils appstream xvfb xauth clang libclang-rt-14-dev
        # the keychain tests: a Secret Service (GNOME Keyring) on a private D-Bus session
        gnome-keyring libsecret-1-0 dbus
        # SSH hops: the OpenSSH client the engine drives, and a real sshd for the tests
        openssh-client openssh-server procps
    )
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing: ${missing[*]}"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}
