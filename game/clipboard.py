"""The computer's clipboard, read as text (a class list copied from a spreadsheet).

pygame-ce has `pygame.scrap.get_text()`; pygame 2 has the older `pygame.scrap.get(type)`,
which reads the SDL clipboard once a window is open (checked on X11 under Xvfb with a
list copied by `xclip`: the text comes as « text/plain;charset=utf-8 »). Both answer
with the text, or `None` when this computer will not tell (no window yet, no clipboard
service, a picture instead of text). Never raises.
"""

from __future__ import annotations

MAX_CHARS = 1024 * 1024  # more than any class list


def read_text():
    """The clipboard's text (without trailing NULs), or None."""
    try:
        import pygame

        scrap = pygame.scrap
        if hasattr(scrap, "get_text"):  # pygame-ce
            data = scrap.get_text()
        else:
            if not scrap.get_init():
                scrap.init()
            data = _first_text(scrap)
    except Exception:  # noqa: BLE001 - no clipboard here: the caller explains what to do
        return None
    if isinstance(data, bytes | bytearray):
        data = bytes(data[: MAX_CHARS * 4]).decode("utf-8", errors="replace")
    if not isinstance(data, str):
        return None
    text = data.replace("\x00", "")[:MAX_CHARS]
    return text if text.strip() else None


# pygame 2 names SDL's text « text/plain;charset=utf-8 » (seen on X11); older names after
TEXT_TYPES = ("text/plain;charset=utf-8", "UTF8_STRING", "text/plain", "STRING", "TEXT")


def _first_text(scrap):
    offered = [t for t in scrap.get_types() or () if isinstance(t, str) and "text" in t.lower()]
    for kind in (*TEXT_TYPES, *offered):  # TEXT_TYPES holds pygame.SCRAP_TEXT
        data = scrap.get(kind)
        if data:
            return data
    return None
