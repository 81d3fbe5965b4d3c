#!/usr/bin/env bash
# Soak the real kmdesk window under a virtual X server, typing as a person would, for a while.
#
#   bench/soak_window.sh [SECONDS]      (default 600: ten minutes)
#
# Needs: the project's .venv (make install), Xvfb and xdotool
#   (Debian/Ubuntu: sudo apt-get install -y xvfb xdotool libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
#   libxcb-shape0 libxkbcommon-x11-0, the xcb libraries Qt needs on a real X server).
# It opens a fresh demo library (its own data and settings directories under a temporary folder,
# nothing of yours is touched), then loops: Ctrl+F and a search typed key by key, Enter, F5,
# Ctrl+N with a title and Ctrl+Return (save and close) or Escape, Ctrl+L to lock, and Ctrl+L
# again with a passphrase to unlock. The app runs under Python's faulthandler; a crash ends the
# soak with its exit status and the stack of every thread. Prints one summary line and exits 0
# only when the window survived, answered Ctrl+Q by closing cleanly, and logged no traceback and
# no "Ambiguous shortcut".
set -u
DURATION=${1:-600}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
for tool in Xvfb xdotool "$PYTHON"; do
    command -v "$tool" >/dev/null || { echo "soak: $tool is missing (see the top of $0)" >&2; exit 2; }
done
WORK=$(mktemp -d /tmp/kmdesk-soak.XXXXXX)
LOG=$WORK/app.log
DISPLAY_NUMBER=${DISPLAY_NUMBER:-77}
export DISPLAY=:$DISPLAY_NUMBER
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null; [ -n "${APP:-}" ] && kill $APP 2>/dev/null' EXIT
sleep 2

export XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data QT_QPA_PLATFORM=xcb
"$PYTHON" -X faulthandler -m kmdesk.cli gui --data-dir "$WORK/library" --language en >"$LOG" 2>&1 &
APP=$!

window=""
for _ in $(seq 60); do  # the first start seeds the demo library
    window=$(xdotool search --pid "$APP" --name kmdesk 2>/dev/null | head -1)
    [ -n "$window" ] && break
    sleep 1
done
[ -n "$window" ] || { echo "soak: the window never appeared"; cat "$LOG"; exit 1; }

alive() { kill -0 "$APP" 2>/dev/null; }
# Xvfb has no window manager: nothing moves the keyboard focus to a new dialog or back, so the
# soak gives it to the window it means to type into.
focus() { xdotool windowfocus --sync "$1" 2>/dev/null; }
focus_dialog() {  # the newest visible window of the app other than the main one
    local found
    found=$(xdotool search --onlyvisible --pid "$APP" 2>/dev/null | grep -vx "$window" | tail -1)
    [ -n "$found" ] && focus "$found"
}
keys() { xdotool key --clearmodifiers --delay 30 "$@"; }
typed() { xdotool type --delay "${2:-40}" "$1"; }
settle() {  # wait (up to a minute) until no dialog is up: seeding, unlocking and saving show progress
    for _ in $(seq 120); do
        [ "$(xdotool search --onlyvisible --pid "$APP" 2>/dev/null | grep -cvx "$window")" -eq 0 ] && return 0
        sleep 0.5
    done
    return 1
}

WORDS=(seed water forest mangrove grazing honey "seed bank" semillas graines pasture fire rain)
TITLES=("Soak test record" "Seed fair" "Reading the rains")
unlock() { keys ctrl+l; sleep 0.5; keys ctrl+a; typed "kmdesk demo contributor" 10; keys Return; sleep 2; }

settle
focus "$window"
# The lock screen first: its passphrase box has the focus; the first profile is Demo Contributor.
typed "kmdesk demo contributor" 10; keys Return; sleep 3

start=$(date +%s); rounds=0; actions=0
while alive && [ $(( $(date +%s) - start )) -lt "$DURATION" ]; do
    rounds=$((rounds + 1))
    focus "$window"
    word=${WORDS[$((RANDOM % ${#WORDS[@]}))]}
    keys ctrl+f; typed "$word" $((20 + RANDOM % 120)); actions=$((actions + 2))
    [ $((RANDOM % 2)) -eq 0 ] && { keys Return; actions=$((actions + 1)); }
    sleep 0.$((RANDOM % 9))
    keys Down Down Up; actions=$((actions + 3))        # move through the results (loads records)
    [ $((RANDOM % 4)) -eq 0 ] && { keys F5; actions=$((actions + 1)); }
    if [ $((RANDOM % 5)) -eq 0 ]; then                  # a new record, saved (Ctrl+Return) or dropped
        keys ctrl+n; sleep 0.7; focus_dialog
        typed "${TITLES[$((RANDOM % ${#TITLES[@]}))]} $rounds" 15
        if [ $((RANDOM % 2)) -eq 0 ]; then keys ctrl+Return; else keys Escape; fi
        sleep 0.7; focus_dialog && keys Escape; actions=$((actions + 4))  # a refused save leaves the editor open
    fi
    if [ $((RANDOM % 8)) -eq 0 ]; then                  # lock while searches and saves are on their way
        keys ctrl+l; sleep 0.$((RANDOM % 9)); focus_dialog && keys Escape; focus "$window"; unlock
        actions=$((actions + 4))
    fi
done

status="survived"
if alive; then
    focus_dialog && keys Escape; settle; focus "$window"  # close a dialog left open by the last round
    open_windows=$(xdotool search --onlyvisible --pid "$APP" 2>/dev/null | while read -r w; do
        printf '"%s" ' "$(xdotool getwindowname "$w")"; done)
    echo "soak: windows open before Ctrl+Q: $open_windows"
    keys ctrl+q
    for _ in $(seq 45); do alive || break; sleep 1; done  # closing lets queued writes finish (up to 30 s)
    if alive; then status="did not close on Ctrl+Q"; kill -ABRT "$APP"; fi  # faulthandler logs every thread's stack
    wait "$APP"; code=$?
else
    wait "$APP"; code=$?; status="died (exit status $code)"
fi
elapsed=$(( $(date +%s) - start ))
tracebacks=$(grep -c "Traceback\|Fatal Python error" "$LOG")
ambiguous=$(grep -c "Ambiguous shortcut" "$LOG")
records=$("$PYTHON" -c "import sys; from kmdesk.core.store import Library; print(Library.open(sys.argv[1]).count())" \
    "$WORK/library" 2>/dev/null)
echo "soak: $status after ${elapsed}s: $rounds rounds, $actions key actions, exit status $code," \
     "$tracebacks tracebacks, $ambiguous ambiguous-shortcut warnings, $records records at the end" \
     "(the demo library has 68; each new record saved adds one); log: $LOG"
[ "$status" = survived ] && [ "$code" -eq 0 ] && [ "$tracebacks" -eq 0 ] && [ "$ambiguous" -eq 0 ]
