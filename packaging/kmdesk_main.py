"""The frozen program's entry point (packaging/kmdesk.spec): one executable for both faces.
With arguments it is the ``kmdesk`` command line; started with none (a double-click, a desktop
menu) it opens the window, as ``kmdesk-gui`` does in a Python install."""

import sys

from kmdesk.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["gui"]))
