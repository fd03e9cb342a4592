"""The homework code: everything a homework is, in 12 characters a 10-year-old can type.

`K7QM-3XPA-HW9D`: three groups of four characters. The alphabet has no look-alikes
(no 0/O, no 1/I/L): 31 characters, and 31 is prime, so a weighted sum modulo 31 catches
every single wrong character. Each group is 3 data characters + 1 check character, so
a typo is caught *and located* (« le 2e groupe a une faute de frappe »); one more data
character is a global check over the whole code (it catches two typos in one group).

The 8 remaining data characters (31⁸ > 2³⁹) carry, in mixed radix:
game version (major, minor), the levels (bit mask), hints allowed, what counts as
done (goal / three stars), the due date (days since 2026-01-01, 0 = none) and a
class nonce (so two homeworks with the same settings never share seeds).

The number of levels has no cap: a homework with a level past the 6th gets one more
group of four (`XXXX-XXXX-XXXX-XXXX`, 11 data characters, room for 21 levels; and so
on), whose level mask takes every bit the longer code has to spare. A 12-character
code reads exactly as before.

The class label (« 5e B ») is NOT in the code: it would make the code long for
nothing the pupil's game needs. It lives on the sheet, in the teacher's list of
homeworks and in the report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import unicodedata
from dataclasses import dataclass

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # 31 characters, no 0 O 1 I L
BASE = len(ALPHABET)
GROUPS = 3
GROUP_DATA = 3  # data characters per group (the 4th is its check character)
EPOCH = dt.date(2026, 1, 1)
MAX_DAYS = 2047
MAX_LEVELS = 6  # levels a 12-character code holds; more levels make a longer code
MAX_NONCE = 2**14
LOOK_ALIKES = {"0": "zéro", "O": "O", "1": "un", "I": "I", "L": "L"}
# (name, number of values), most significant first
FIELDS = (("version", 64), ("niveaux", 2**MAX_LEVELS), ("regles", 4), ("jour", MAX_DAYS + 1))


def _ordinal(index):
    return "1er" if index == 0 else f"{index + 1}e"


def levels_in(groups):
    """How many levels a code of `groups` groups holds (6 for the usual 3 groups)."""
    if groups <= GROUPS:
        return MAX_LEVELS
    other_bits = (64 * 4 * (MAX_DAYS + 1) * MAX_NONCE).bit_length() - 1
    return (BASE ** (groups * GROUP_DATA - 1)).bit_length() - 1 - other_bits


def _fields(groups):
    return tuple(
        (name, 2 ** levels_in(groups) if name == "niveaux" else size) for name, size in FIELDS
    )


def groups_for(niveaux):
    """The groups a code needs for these level numbers: 3 up to level 6, then more."""
    groups = GROUPS
    while max(niveaux, default=1) > levels_in(groups):
        groups += 1
    return groups


class ErreurCode(ValueError):
    """A code that cannot be read; `str(error)` is a French sentence for a child.

    `groupe` is the number (1, 2, 3) of the group with the typo, when it is known;
    `cle` and `valeurs` name the sentence in the game's catalogs (`devoirs.erreur.<cle>`)
    so the game can say it in the player's language.
    """

    def __init__(self, message, groupe=None, cle="inconnu", **valeurs):
        super().__init__(message)
        self.groupe = groupe
        self.cle = cle
        self.valeurs = {"groupe": groupe or 0, **valeurs}


def game_version():
    """The game's version as (major, minor, patch) integers, from `game.__version__` (the one
    place it is written: an uninstalled checkout and an installed game agree)."""
    from game import __version__

    parts = [int(p) if p.isdigit() else 0 for p in __version__.split(".")[:3]]
    return tuple(parts + [0] * (3 - len(parts)))


def version_text(version):
    return ".".join(str(v) for v in version)


@dataclass(frozen=True)
class Devoir:
    """One homework, as the code carries it."""

    niveaux: tuple  # level numbers, sorted (1 = first level)
    indices: bool = True  # hints allowed
    trois_etoiles: bool = False  # done = all three stars (else: the goal)
    echeance: dt.date | None = None  # due date (included), or None
    nonce: int = 0
    version: tuple = (0, 1)  # (major, minor) of the game that made the code

    @classmethod
    def nouveau(cls, niveaux, indices=True, trois_etoiles=False, echeance=None):
        """A new homework with a fresh random nonce, for this version of the game."""
        return cls(
            tuple(sorted(set(niveaux))),
            indices,
            trois_etoiles,
            echeance,
            secrets.randbelow(MAX_NONCE),
            game_version()[:2],
        )

    @property
    def code(self):
        return encode(self)

    def en_retard(self, jour):
        """Is a hand-in on `jour` (a date) late?"""
        return self.echeance is not None and jour > self.echeance


def _char_check(values, group_index):
    """The check character of one group: a weighted sum modulo 31 (weights 1, 2, 3)."""
    return (sum((i + 1) * v for i, v in enumerate(values)) + 7 * (group_index + 1)) % BASE


def _global_check(values):
    digest = hashlib.sha256(bytes(values)).digest()
    return int.from_bytes(digest[:4], "big") % BASE


def _pack(devoir, groups=GROUPS):
    major, minor = devoir.version
    if not (0 <= major < 4 and 0 <= minor < 16):
        raise ValueError("version du jeu hors des limites d'un code")
    niveaux = tuple(devoir.niveaux)
    if not niveaux or any(not 1 <= n <= levels_in(groups) for n in niveaux):
        raise ValueError(f"il faut au moins un niveau, entre 1 et {levels_in(groups)}")
    mask = sum(1 << (n - 1) for n in set(niveaux))
    jour = 0
    if devoir.echeance is not None:
        jour = (devoir.echeance - EPOCH).days
        if not 1 <= jour <= MAX_DAYS:
            raise ValueError("la date limite doit être entre 2026 et 2031")
    if not 0 <= devoir.nonce < MAX_NONCE:
        raise ValueError("nonce hors des limites")
    fields = (major * 16 + minor, mask, devoir.indices * 2 + devoir.trois_etoiles, jour)
    value = 0
    for (_, size), field_value in zip(_fields(groups), fields, strict=True):
        value = value * size + field_value
    return value * MAX_NONCE + devoir.nonce


def _unpack(value, groups=GROUPS):
    value, nonce = divmod(value, MAX_NONCE)
    found = {}
    for name, size in reversed(_fields(groups)):
        value, found[name] = divmod(value, size)
    if value:
        raise ErreurCode("Ce code n'existe pas : vérifie chaque caractère avec ta feuille.")
    mask = found["niveaux"]
    niveaux = tuple(n for n in range(1, levels_in(groups) + 1) if mask >> (n - 1) & 1)
    if not niveaux:
        raise ErreurCode("Ce code n'existe pas : vérifie chaque caractère avec ta feuille.")
    jour = found["jour"]
    return Devoir(
        niveaux=niveaux,
        indices=bool(found["regles"] >> 1),
        trois_etoiles=bool(found["regles"] & 1),
        echeance=EPOCH + dt.timedelta(days=jour) if jour else None,
        nonce=nonce,
        version=divmod(found["version"], 16),
    )


def encode(devoir):
    """The code of a homework: « K7QM-3XPA-HW9D » (one more group per 15 levels past the
    6th). Raises ValueError on impossible fields."""
    groups = groups_for(devoir.niveaux)
    return to_groups(_pack(devoir, groups), groups)


def decode(text):
    """The homework of a typed code. Raises `ErreurCode` (a French sentence) if wrong."""
    length = len(_clean(text, "le code de ton devoir"))
    groups = length // 4 if length > 4 * GROUPS and length % 4 == 0 else GROUPS
    return _unpack(from_groups(text, groups), groups)


def to_groups(value, groups, salt=0):
    """Writes `value` (< 31^(3·groups − 1)) as groups of 3 characters + 1 check character,
    the last data character being a global check."""
    digits = []
    for _ in range(groups * GROUP_DATA - 1):
        value, digit = divmod(value, BASE)
        digits.append(digit)
    if value:
        raise ValueError("valeur trop grande pour ce code")
    digits.reverse()
    digits.append(_global_check(digits))
    out = []
    for g in range(groups):
        data = digits[g * GROUP_DATA : (g + 1) * GROUP_DATA]
        chars = [*data, _char_check(data, g + salt)]
        out.append("".join(ALPHABET[c] for c in chars))
    return "-".join(out)


def _clean(text, what):
    """Upper case, without spaces, dashes or dots; accents dropped (é → E)."""
    if not isinstance(text, str):
        raise ErreurCode(f"Tape {what}.", cle="vide", n=12)
    text = unicodedata.normalize("NFKD", text[:200])
    return "".join(
        c for c in text.upper() if not unicodedata.combining(c) and c not in " -_.\t\n\r·–—"
    )


def from_groups(text, groups, salt=0, what="le code de ton devoir"):
    """The value written by `to_groups`; raises `ErreurCode` saying what and where."""
    chars = _clean(text, what)
    expected = groups * (GROUP_DATA + 1)
    shape = f"{groups} groupes de 4"
    if not chars:
        raise ErreurCode(f"Tape {what} ({expected} caractères).", cle="vide", n=expected)
    if len(chars) != expected:
        gap = abs(expected - len(chars))
        plural = "s" * (gap > 1)
        if len(chars) < expected:
            raise ErreurCode(
                f"Il manque {gap} caractère{plural} : un code a {shape}.",
                cle="manque",
                n=gap,
                groupes=groups,
            )
        raise ErreurCode(
            f"Il y a {gap} caractère{plural} de trop : un code a {shape}.",
            cle="trop",
            n=gap,
            groupes=groups,
        )
    digits = []
    for g in range(groups):
        group = chars[g * 4 : g * 4 + 4]
        for c in group:
            if c not in ALPHABET:
                raise ErreurCode(_bad_char_message(c, g), groupe=g + 1, cle=_bad_char_key(c), car=c)
        values = [ALPHABET.index(c) for c in group]
        if _char_check(values[:3], g + salt) != values[3]:
            raise ErreurCode(
                f"Le {_ordinal(g)} groupe ({group}) a une faute de frappe : "
                "relis-le lettre par lettre.",
                groupe=g + 1,
                cle="faute",
                texte=group,
            )
        digits.extend(values[:3])
    if _global_check(digits[:-1]) != digits[-1]:
        raise ErreurCode(
            "Ce code a plusieurs fautes de frappe ou ses groupes sont dans le désordre : "
            "recopie-le en entier.",
            cle="plusieurs",
        )
    value = 0
    for digit in digits[:-1]:
        value = value * BASE + digit
    return value


def _bad_char_key(char):
    if char in LOOK_ALIKES:
        return "sosie"
    return "caractere" if char.isprintable() else "invisible"


def _bad_char_message(char, group):
    where = f"Le {_ordinal(group)} groupe"
    if char in LOOK_ALIKES:
        return (
            f"{where} contient « {char} » : les codes n'ont jamais de 0, O, 1, I ni L "
            "(on les confond). Regarde bien ta feuille."
        )
    if not char.isprintable():
        return f"{where} contient un caractère invisible : efface-le."
    return f"{where} contient « {char} », qui n'est jamais dans un code : relis ta feuille."


def normaliser(text):
    """The code written the standard way (« K7QM-3XPA-HW9D »); raises ErreurCode."""
    return encode(decode(text))
