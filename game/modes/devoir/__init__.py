"""The « devoir » way to play."""
