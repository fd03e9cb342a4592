"""Speedrun mode for clubs, pygame-free: categories, club seeds, the two-clock run timer,
runs and run files, verification, personal bests, LiveSplit, the club board.

Start with `run.Run` (one attempt) and `verify.verify_run` (the proof); each module's
docstring documents its API. The game side is `game.policies.speedrun.Speedrun` and the
scenes `game.scenes.course`, `course_end`, `club`. See docs/ARCHITECTURE.md.
"""
