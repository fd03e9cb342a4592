"""The teacher space's pygame parts: printable pictures (sheet, certificates) and scenes.

The homework logic itself is pygame-free in `game.homework`.
"""
