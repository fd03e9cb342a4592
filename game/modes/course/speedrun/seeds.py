"""The seed of a race: from a short club code, or « la graine de la semaine ».

Everybody in a club types the same code (or picks the seed of the week) so that every
computer plays the same variant of the levels. The seed is shown as three pictures
(an animal, a fruit, a thing) so kids check at a glance that they race the same one.

API (pygame-free, no randomness: same code → same seed on every computer):
- `clean_code(text)` → the normalised code (« lune 42 » → « LUNE42 »), or raises
  `CodeError` with a French sentence saying what to fix;
- `seed_from_code(text)` → int seed in [1, 2**31);
- `week_code(day=None)` → (« SEMAINE-2026-49 », seed) for the ISO week of `day` (today);
- `pictures(seed)` → three `Picture(kind, id, fr, en)`;
  `picture_words(seed, lang)` → « chat, pomme, lune ».
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

CODE_MIN, CODE_MAX = 3, 16
SEED_MAX = 2**31
WEEK_PREFIX = "SEMAINE"

# (id, French, English): the game draws each of them (game.ui.pictures).
ANIMALS = (
    ("cat", "chat", "cat"),
    ("owl", "hibou", "owl"),
    ("fish", "poisson", "fish"),
    ("frog", "grenouille", "frog"),
    ("snail", "escargot", "snail"),
    ("bee", "abeille", "bee"),
)
FRUITS = (
    ("apple", "pomme", "apple"),
    ("cherry", "cerise", "cherry"),
    ("pear", "poire", "pear"),
    ("lemon", "citron", "lemon"),
    ("grapes", "raisin", "grapes"),
    ("strawberry", "fraise", "strawberry"),
)
THINGS = (
    ("sun", "soleil", "sun"),
    ("moon", "lune", "moon"),
    ("cloud", "nuage", "cloud"),
    ("house", "maison", "house"),
    ("boat", "bateau", "boat"),
    ("rocket", "fusée", "rocket"),
)
KINDS = (("animal", ANIMALS), ("fruit", FRUITS), ("thing", THINGS))


class CodeError(ValueError):
    """A club code that cannot be used; `str(error)` says what to fix, in French."""


@dataclass(frozen=True)
class Picture:
    kind: str  # "animal", "fruit", "thing"
    id: str  # drawing name
    fr: str
    en: str

    def word(self, lang: str = "fr") -> str:
        return self.en if lang == "en" else self.fr


def clean_code(text) -> str:
    """Upper-case letters and digits only (spaces, dashes and accents are dropped)."""
    if not isinstance(text, str):
        raise CodeError("Le code du club doit être un texte.")
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    code = "".join(c for c in plain.upper() if c.isascii() and c.isalnum())
    if len(code) < CODE_MIN:
        raise CodeError(
            f"Le code du club est trop court : il faut au moins {CODE_MIN} lettres ou chiffres."
        )
    if len(code) > CODE_MAX:
        raise CodeError(f"Le code du club est trop long : {CODE_MAX} lettres ou chiffres au plus.")
    return code


def _hash_int(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def seed_from_code(text) -> int:
    """The seed every computer computes from the same code (raises `CodeError`)."""
    code = clean_code(text)
    return _hash_int(f"tuto-llm/course/{code}") % (SEED_MAX - 1) + 1


def week_code(day: datetime.date | None = None) -> tuple[str, int]:
    """(« SEMAINE-2026-49 », its seed): the same for everybody during one ISO week."""
    day = day or datetime.date.today()
    year, week, _weekday = day.isocalendar()
    code = f"{WEEK_PREFIX}-{year}-{week:02d}"
    return code, seed_from_code(code)


def pictures(seed: int) -> tuple[Picture, Picture, Picture]:
    """Three pictures that stand for the seed (an animal, a fruit, a thing)."""
    number = _hash_int(f"tuto-llm/images/{int(seed)}")
    result = []
    for kind, table in KINDS:
        number, index = divmod(number, len(table))
        result.append(Picture(kind, *table[index]))
    return tuple(result)


def picture_words(seed: int, lang: str = "fr") -> str:
    return ", ".join(p.word(lang) for p in pictures(seed))
