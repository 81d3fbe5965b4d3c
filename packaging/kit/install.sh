#!/bin/sh
# Install kmdesk from this field kit, with no network: everything it needs is in wheels/.
#   sh install.sh [FOLDER]      (default: ~/.local/share/kmdesk-app)
# Needs only Python 3.11 (python3, with its venv module). Your library is kept elsewhere
# (~/.local/share/kmdesk), so installing again or a newer kit keeps it.
set -eu
kit=$(cd "$(dirname "$0")" && pwd)
target=${1:-"$HOME/.local/share/kmdesk-app"}
python=${PYTHON:-python3}

"$python" -m venv "$target"
# --isolated: no pip configuration of this machine may send pip to an index or elsewhere;
# --upgrade: a newer kit over an older install replaces the program (the library is elsewhere)
"$target/bin/python" -m pip --isolated install --quiet --upgrade --no-index --find-links "$kit/wheels" kmdesk
"$target/bin/kmdesk" --version
echo "Installed in $target"
echo "Start the window:  $target/bin/kmdesk-gui"
echo "Command line:      $target/bin/kmdesk --help"
