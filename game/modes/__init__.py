"""Ways to play, one folder each: `MODES` lists them, one line per way to play.

A way to play is a package `game/modes/<name>/` whose `__init__.py` declares, as plain
strings (importing it stays cheap, nothing else is imported):

- `COMMANDS`: its `tuto-llm` subcommands, as module paths (each module defines `NAME`,
  `HELP`, `add_arguments(parser)`, `run(args)`, see `game/commands/__init__.py`);
- `SCENES`: its screens, « name → "module:Class" », reached with `app.push(name, …)`;
- `DEMO`: the module whose `SETUPS` builds its screens for screenshots and tests, or None.

Its policy (`game.policies.base.Policy`), its screens and its logic live in the same
folder. Nothing else in the game names a way to play: the CLI, the scene registry and
the screenshots find them here (docs/ARCHITECTURE.md, « How to add a way to play »).
"""

from __future__ import annotations

import importlib

MODES = [
    "game.modes.aventure",
    "game.modes.devoir",
    "game.modes.course",
    "game.modes.salon",
]


def packages():
    """The packages of the ways to play, in `MODES` order."""
    return [importlib.import_module(name) for name in MODES]


def commands():
    """Module paths of the ways to play's `tuto-llm` subcommands, in `MODES` order."""
    return [command for package in packages() for command in getattr(package, "COMMANDS", ())]


def scenes():
    """« scene name → "module:Class" » of every way to play (a name declared twice raises)."""
    found = {}
    for package in packages():
        for name, target in getattr(package, "SCENES", {}).items():
            if name in found:
                raise ValueError(
                    f"la scène « {name} » est déclarée deux fois ({package.__name__} et "
                    f"{found[name].partition(':')[0]}) : donne-lui un autre nom"
                )
            found[name] = target
    return found


def demo_setups():
    """« screen name → setup(app) » of every way to play (screenshots, perf, tests)."""
    setups = {}
    for package in packages():
        demo = getattr(package, "DEMO", None)
        if demo:
            setups.update(importlib.import_module(demo).SETUPS)
    return setups
