"""The personal seed of a pupil: each pupil plays their own variant of each level.

seed = SHA-256(code, first name, level) — so two pupils never play the same secret
names or starting weights, and a proof copied from a friend and renamed does not
match its new owner's seed.

The first name is the one typed on the pupil's profile, normalised so that the
pupil and the teacher's class list agree: « Chloé », « CHLOE » and « chloe » are the
same; spaces, dashes and apostrophes do not count (« Jean-Luc » = « jean luc »).
"""

import hashlib
import unicodedata

MAX_NAME = 60  # a first name longer than that is cut (profiles are shorter anyway)


def normalise_name(name):
    """« Chloé » → « chloe »: letters and digits only, no accents, lower case."""
    if not isinstance(name, str):
        return ""
    text = unicodedata.normalize("NFKD", name[: MAX_NAME * 4])
    kept = [c for c in text if not unicodedata.combining(c) and c.isalnum()]
    return "".join(kept).casefold()[:MAX_NAME]


# Letters of other alphabets written in Latin letters, so a teacher can read the file name.
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
            "i",
            "i",
            "ie",
            "g",
        ],
        strict=True,
    )
)
_GREEK = dict(
    zip(
        "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
        [
            "a",
            "v",
            "g",
            "d",
            "e",
            "z",
            "i",
            "th",
            "i",
            "k",
            "l",
            "m",
            "n",
            "x",
            "o",
            "p",
            "r",
            "s",
            "s",
            "t",
            "y",
            "f",
            "ch",
            "ps",
            "o",
            "a",
            "e",
            "i",
            "i",
            "o",
            "y",
            "o",
            "i",
            "y",
            "i",
            "y",
        ],
        strict=True,
    )
)


def _latin(char):
    lower = char.lower()
    out = _CYRILLIC.get(lower, _GREEK.get(lower))
    if out is None:
        return char
    return out.capitalize() if char != lower else out


def file_name_part(name):
    """The first name as it goes in a file name, readable and distinct:

    « Chloé » → « Chloe »; « Léa D. » → « Lea-D » (the initial stays); « Аня » →
    « Anya-4f1c2a » and « 李娜 » → « 李娜-9b03e1 »: other alphabets are written in Latin
    letters where the game knows how (Cyrillic, Greek), kept as they are otherwise, and
    get a short stable mark of the name so that two of them never share a file.
    """
    name = name if isinstance(name, str) else ""
    text = unicodedata.normalize("NFKD", "".join(_latin(c) for c in name[: MAX_NAME * 2]))
    kept, lossy = [], False
    for char in text:
        if unicodedata.combining(char):
            continue
        if char.isalnum():
            kept.append(char)
            lossy = lossy or not char.isascii()
        else:
            kept.append("-")
    part = "-".join(p for p in "".join(kept).split("-") if p)[:MAX_NAME]
    lossy = lossy or any(_latin(c) != c for c in name)
    if not part:
        part, lossy = "eleve", True
    if lossy:
        mark = hashlib.sha256(normalise_name(name).encode("utf-8")).hexdigest()[:6]
        part = f"{part}-{mark}"
    return part


def personal_seed(code, name, level_id):
    """The seed of level `level_id` for this pupil and this homework (0 ≤ seed < 2⁶³).

    `code` must be the standard form (see `code.normaliser`).
    """
    key = f"tuto-llm/devoir/1|{code}|{normalise_name(name)}|{level_id}"
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") >> 1
