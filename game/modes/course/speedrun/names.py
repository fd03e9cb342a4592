"""Runner names compared the way a person reads them (pygame-free).

`fold_name(name)` → the key two names share when they look the same on screen:
Unicode NFKC (full-width and ligature forms), spaces squeezed, case folded, and the
Cyrillic and Greek letters that look like Latin ones mapped to them (« Lіna » with a
Cyrillic і is « Lina »). Accents are kept: « Léo » and « Leo » are two names.
`has_hidden_chars(name)`: control or invisible format characters (NUL, zero-width…).
"""

from __future__ import annotations

import unicodedata

# Cyrillic and Greek letters drawn like a Latin letter (lower case; upper case folds first).
LOOK_ALIKES = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "ё": "ë", "з": "3", "і": "i", "ї": "ï", "ј": "j",
        "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t", "у": "y",
        "х": "x", "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l",
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ϲ": "c", "ϳ": "j",
    }
)  # fmt: skip


def has_hidden_chars(name: str) -> bool:
    return any(unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs") for c in name)


def fold_name(name) -> str:
    text = unicodedata.normalize("NFKC", " ".join(str(name).split())).casefold()
    return unicodedata.normalize("NFC", text.translate(LOOK_ALIKES))
