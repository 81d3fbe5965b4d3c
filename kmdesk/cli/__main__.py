import sys

from kmdesk.cli import main

sys.exit(main())
