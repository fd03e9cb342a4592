"""The club database busy or damaged: what SQLite says, and the French the user reads.

A database another program holds (SQLITE_BUSY / SQLITE_LOCKED) is waited for
`BUSY_WAIT_S`, then `BoardBusy`; only what SQLite reports as corrupt or not a database
(`is_corrupt`) is set aside and made again by `game.modes.course.speedrun.board.Board.connect`.
"""

from __future__ import annotations

BUSY_WAIT_S = 5.0  # how long a database held by another program is waited for
QUICK_CHECK_FAILED = "quick_check"
BUSY_MESSAGE = (
    "Le tableau du club est utilisé par un autre programme (un autre jeu ouvert, une "
    "commande « tuto-llm club » en cours). Ferme-le ou attends qu'il ait fini, puis "
    "réessaie : rien n'est perdu."
)
UNAVAILABLE_MESSAGE = (
    "Le tableau du club ne peut pas être ouvert (dossier de données en lecture seule ou "
    "inaccessible). Vérifie le dossier du jeu, puis réessaie : rien n'est perdu."
)
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


class BoardError(Exception):
    """The board cannot be used now; `str(error)` is one French paragraph."""


class BoardBusy(BoardError):
    """Another program holds the database: it was waited for, then left alone."""

    def __init__(self, message=BUSY_MESSAGE):
        super().__init__(message)


def _code(error):
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None  # extended codes keep the base


def is_busy(error) -> bool:
    """True when SQLite says another connection holds the database."""
    return _code(error) in _BUSY_CODES or "locked" in str(error) or "busy" in str(error)


def is_corrupt(error) -> bool:
    """True only when SQLite itself says the file is damaged (or not a database)."""
    if _code(error) in _CORRUPT_CODES or str(error) == QUICK_CHECK_FAILED:
        return True
    text = str(error)
    return "malformed" in text or "not a database" in text
