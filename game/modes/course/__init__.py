"""The « course » way to play."""
