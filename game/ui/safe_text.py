"""One sanitiser for every text the game draws: nothing a file name, a clipboard or
the network sends can crash a screen or turn the text around.

`safe_text(text, limit)`:
- anything becomes a `str` (None, numbers, bytes decoded with replacement);
- a lone surrogate (a file name with invalid UTF-8, ``"\\udce9"``) becomes « ? »;
- control characters go (NUL breaks the font; a tab is a space; "\\n" stays);
- bidi overrides, embeddings, isolates and marks go (they reverse what follows);
- at most `limit` characters, then « … ».

`Theme.render`, `Theme.wrap`, `Theme.draw_text` and `Theme.text_ink` call it, so every
widget drawn through the theme is safe. Pure Python, no pygame.
"""

from __future__ import annotations

import re

MAX_TEXT = 4000  # a whole paragraph of a panel (the longest catalog text is far shorter)
MAX_LINE = 400  # one drawn line: wider than any screen at the smallest size

_SURROGATES = re.compile("[\ud800-\udfff]")
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = {c: None for c in range(0x20) if c not in (0x09, 0x0A)}
_CONTROLS.update({c: None for c in range(0x7F, 0xA0)})
_CONTROLS.update({ord(c): None for c in _BIDI})
_CONTROLS[0x09] = " "
_CONTROLS[0x0D] = None


def safe_text(text, limit: int = MAX_TEXT) -> str:
    """`text` as a string any font can draw, never longer than `limit` characters."""
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8", "replace")
    elif not isinstance(text, str):
        try:
            text = str(text)
        except Exception:  # a __str__ that raises: still something to draw
            text = "?"
    if len(text) > 4 * limit:  # never scan megabytes for one line
        text = text[: 4 * limit]
    text = _SURROGATES.sub("?", text).translate(_CONTROLS)
    if len(text) > limit:
        text = text[: max(0, limit - 1)] + "…"
    return text


def safe_line(text) -> str:
    """One line to draw (`Theme.render`): no line break, at most `MAX_LINE` characters."""
    return safe_text(text, MAX_LINE).replace("\n", " ")
