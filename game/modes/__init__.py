"""Ways to play, one folder each (see docs/ARCHITECTURE.md, « How to add a way to play »)."""
