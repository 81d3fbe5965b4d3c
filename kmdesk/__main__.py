"""``python -m kmdesk``: the command line, as the ``kmdesk`` program."""

import sys

from kmdesk.cli import main

sys.exit(main())
