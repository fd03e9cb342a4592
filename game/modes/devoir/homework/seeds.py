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


def file_name_part(name):
    """The first name as it goes in a file name: « Chloé » → « Chloe » (ASCII, no spaces)."""
    text = unicodedata.normalize("NFKD", name if isinstance(name, str) else "")
    kept = "".join(c for c in text if c.isascii() and (c.isalnum() or c in "-"))
    return kept[:MAX_NAME] or "eleve"


def personal_seed(code, name, level_id):
    """The seed of level `level_id` for this pupil and this homework (0 ≤ seed < 2⁶³).

    `code` must be the standard form (see `code.normaliser`).
    """
    key = f"tuto-llm/devoir/1|{code}|{normalise_name(name)}|{level_id}"
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") >> 1
