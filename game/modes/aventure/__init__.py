"""The « aventure » way to play."""
