"""What the game plays or draws from files (see README.md in this folder).

A package only so that it ships with the game (pyproject package-data); it holds no code
but where the files are. `tuto-llm assets build` writes them again, `tuto-llm assets
check` says whether they match the code that makes them.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent
SOUNDS = ROOT / "sounds"  # <name>.wav, one per effect of game/sound.py
