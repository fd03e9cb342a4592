"""Speedrun mode for clubs, pygame-free: categories, club seeds, the two-clock run timer,
runs and run files, verification, personal bests, LiveSplit, the club board.

Start with `run.Run` (one attempt) and `verify.verify_run` (the proof); each module's
docstring documents its API. The game side is `game.modes.course.policy.Speedrun` and the
scenes `game.modes.course.menu`, `course_end`, `club`. See docs/ARCHITECTURE.md.
"""
