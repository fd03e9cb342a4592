"""The « salon » way to play."""
