"""Small French helpers for what a teacher reads: plurals, elisions, dates in words."""

from __future__ import annotations

import datetime as dt
import re

JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MOIS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
VOWELS = set("aeiouyàâäéèêëîïôöùûüœæhAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆH")


def plural(count, singular, plural_form=None):
    """« 1 étoile », « 0 étoile », « 3 étoiles » (French: 0 and 1 are singular)."""
    word = singular if abs(count) < 2 else (plural_form or _plural_words(singular))
    return f"{count} {word}"


def _plural_words(text):
    return " ".join(_plural_word(w) for w in text.split())


def _plural_word(word):
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith(("eau", "au", "eu")):
        return word + "x"
    return word + "s"


def _elides(name):
    text = (name or "").lstrip()
    first = text[:1]
    if first in "yY" and text[1:2] in VOWELS:  # « de Yasmine », but « d'Yves »
        return False
    return bool(first) and first in VOWELS  # « d'Hugo », « qu'Hélène »


def de(name):
    """« d'Alice », « de Gabriel »."""
    return f"d'{name}" if _elides(name) else f"de {name}"


def que(name):
    """« qu'Alice », « que Gabriel »."""
    return f"qu'{name}" if _elides(name) else f"que {name}"


PYTHON_ERROR = re.compile(r"\s*\(?\b[A-Z]\w*(Error|Exception|Interrupt|Exit)\b[^)]*\)?")


def teacher_text(reason):
    """A reason without Python's exception names (« (KeyError : 'x') »): those go to the
    game's log; the teacher reads French only."""
    text = str(reason or "")
    cleaned = PYTHON_ERROR.sub("", text).strip()
    if cleaned != text:
        import logging

        logging.getLogger(__name__).info("replay problem: %s", text)
        cleaned = cleaned.rstrip(" :.") + " (les détails sont dans le journal du jeu)."
    return cleaned


def day(value):
    """« 6 décembre 2026 », « 1er décembre 2026 » from a date or an ISO text (else as is)."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if not isinstance(value, dt.date):
        return ""
    first = "1er" if value.day == 1 else str(value.day)
    return f"{first} {MOIS[value.month - 1]} {value.year}"


def long_day(day):
    """« mardi 8 décembre 2026 » (the weekday too: the sheet's due date, a certificate)."""
    return f"{JOURS[day.weekday()]} {day.day} {MOIS[day.month - 1]} {day.year}"
