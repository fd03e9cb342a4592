"""`python -m game` fait la même chose que `tuto-llm`."""

import sys

from game.cli import main

sys.exit(main())
