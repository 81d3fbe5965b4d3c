#!/bin/sh
# Install kmdesk from this field kit, with no network: everything it needs is in wheels/.
#   sh install.sh [FOLDER]      (default: ~/.local/share/kmdesk-app)
# Needs Linux x86-64 with glibc (kit.env: KIT_GLIBC) or newer, and python3 in one of the
# versions of KIT_PYTHONS with its venv module; the window needs Qt's system libraries.
# Each is checked first, with what to install when it is missing (README.txt).
# Your library is kept elsewhere (~/.local/share/kmdesk), so installing again or a newer kit keeps it.
set -eu
kit=$(cd "$(dirname "$0")" && pwd)
target=${1:-"$HOME/.local/share/kmdesk-app"}
data_home=${XDG_DATA_HOME:-"$HOME/.local/share"}
KIT_PYTHONS="3.10 3.11 3.12 3.13"
KIT_GLIBC=2.34
[ -f "$kit/kit.env" ] && . "$kit/kit.env"

fail() {
    echo "kmdesk cannot be installed here: $*" >&2
    echo "See README.txt in the kit for the system requirements." >&2
    exit 1
}

# -- the platform and glibc ----------------------------------------------------------------
[ "$(uname -s)" = Linux ] && [ "$(uname -m)" = x86_64 ] ||
    fail "this kit is for Linux on x86-64, this machine is $(uname -s) $(uname -m)."
glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null | sed 's/^glibc //') ||
    glibc=""
[ -n "$glibc" ] || fail "no GNU C library (glibc) found; kmdesk's Qt needs glibc $KIT_GLIBC or newer (musl systems such as Alpine cannot run it)."
older=$(printf '%s\n%s\n' "$KIT_GLIBC" "$glibc" | sort -t. -k1,1n -k2,2n | head -n 1)
[ "$older" = "$KIT_GLIBC" ] ||
    fail "glibc $glibc is older than the $KIT_GLIBC kmdesk's Qt needs (Ubuntu 22.04, Debian 12, Fedora 35, RHEL 9 or newer)."

# -- Python: $PYTHON, else python3, else the newest python3.X the kit has wheels for -------------
version_of() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null; }
supported() { case " $KIT_PYTHONS " in *" $1 "*) return 0 ;; esac; return 1; }
python=""
if [ -n "${PYTHON:-}" ]; then
    python=$PYTHON
    v=$(version_of "$python") || fail "PYTHON=$PYTHON does not run."
    supported "$v" || fail "PYTHON=$PYTHON is Python $v; this kit has wheels for Python $KIT_PYTHONS."
else
    for candidate in python3 python3.13 python3.12 python3.11 python3.10; do
        v=$(version_of "$candidate") || continue
        if supported "$v"; then python=$candidate; break; fi
    done
    [ -n "$python" ] || fail "no python3 in the versions $KIT_PYTHONS was found (python3 is $(version_of python3 || echo missing)). Install one, e.g. sudo apt install python3, or name it: PYTHON=/path/to/python3.12 sh install.sh"
fi
"$python" -c 'import venv, ensurepip' 2>/dev/null ||
    fail "$python has no venv module (or no ensurepip). Debian and Ubuntu: sudo apt install python3-venv (or python$(version_of "$python")-venv)."

# -- Qt's system libraries (the window only) --------------------------------------------------
missing=""
for lib in libEGL.so.1 libGL.so.1 libfontconfig.so.1 libfreetype.so.6 libxkbcommon.so.0 libxkbcommon-x11.so.0 \
           libdbus-1.so.3 libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-shape.so.0 libX11-xcb.so.1; do
    if ! { /sbin/ldconfig -p 2>/dev/null || ldconfig -p 2>/dev/null; } | grep -q "$lib"; then
        missing="$missing $lib"
    fi
done
if [ -n "$missing" ]; then
    echo "The window needs system libraries this machine lacks:$missing" >&2
    echo "  Debian/Ubuntu: sudo apt install libegl1 libgl1 libfontconfig1 libfreetype6 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libx11-xcb1" >&2
    echo "  Fedora: sudo dnf install mesa-libEGL mesa-libGL fontconfig freetype libxkbcommon-x11 dbus-libs xcb-util-cursor xcb-util-wm xcb-util-keysyms libX11-xcb" >&2
    if [ -z "${KMDESK_IGNORE_MISSING_LIBS:-}" ]; then
        fail "install them, or set KMDESK_IGNORE_MISSING_LIBS=1 to install the command line only."
    fi
    echo "KMDESK_IGNORE_MISSING_LIBS is set: installing anyway; the command line works, the window will not open." >&2
fi

# -- the program --------------------------------------------------------------------------------
"$python" -m venv "$target"
# --isolated: no pip configuration of this machine may send pip to an index or elsewhere;
# --upgrade: a newer kit over an older install replaces the program (the library is elsewhere)
"$target/bin/python" -m pip --isolated install --quiet --upgrade --no-index --find-links "$kit/wheels" kmdesk
"$target/bin/kmdesk" --version

# -- the menu entry and its icons ---------------------------------------------------------------
if [ -f "$kit/org.kmdesk.KMDesk.desktop" ]; then
    mkdir -p "$data_home/applications" "$data_home/icons"
    cp -R "$kit/icons/hicolor" "$data_home/icons/"
    # Exec names the installed program; the path is quoted (Desktop Entry spec) for spaces
    exec_line=$(printf 'Exec="%s/bin/kmdesk-gui"' "$target" | sed 's/[\\`$]/\\\\&/g')
    sed "s|^Exec=.*|$(printf '%s' "$exec_line" | sed 's/[|&\\]/\\&/g')|" "$kit/org.kmdesk.KMDesk.desktop" \
        > "$data_home/applications/org.kmdesk.KMDesk.desktop"
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" 2>/dev/null || true
    echo "Menu entry:        $data_home/applications/org.kmdesk.KMDesk.desktop"
fi
echo "Installed in $target (Python $(version_of "$python"))"
echo "Start the window:  $target/bin/kmdesk-gui"
echo "Command line:      $target/bin/kmdesk --help"
