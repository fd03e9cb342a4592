"""One module per `tuto-llm` subcommand.

Each module defines `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`.
Importing a command module must stay cheap: import pygame or the engine's heavy
parts inside `run`, so `tuto-llm train` never opens a window.
"""

# Where the ways to play's own subcommands (`COMMANDS` of each `game/modes/<mode>/`, in
# `game.modes.MODES` order) take their place in `tuto-llm --help`.
WAYS_TO_PLAY = "(ways to play)"

# Order shown in `tuto-llm --help`. Add a module name here to add a subcommand.
COMMANDS = [
    "play",
    "train",
    "bench",
    "data",
    "assets",
    "screenshots",
    "perf",
    "solve",
    "verify_cli",
    WAYS_TO_PLAY,
    "audit",
]
