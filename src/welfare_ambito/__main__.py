"""``python -m welfare_ambito``: the same as the ``welfare-ambito`` command."""

import sys

from welfare_ambito.cli import main

sys.exit(main())
