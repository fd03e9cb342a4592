"""One bounded JSON reader for every file and message the game did not write itself.

Proofs, run files, hand-ins, settings, profiles, club imports and the race protocol all
read JSON through `parse_json` (text or bytes) or `read_json_file` (a path). Everything is
checked *before* anything can recurse or grow without end:

- size: at most `max_bytes` (the file is never read further);
- depth: the brackets are counted first (outside strings), so a 100,000-deep list is
  refused without `json` ever recursing — and nothing deep reaches pickling, `asdict`…;
- numbers: an integer of more than `MAX_INT_DIGITS` digits, a decimal number longer than
  `MAX_FLOAT_CHARS` characters, `NaN`, `Infinity` and numbers that overflow are refused;
- a key written twice in one object is refused (a file edited by hand);
- text must be real Unicode (no lone surrogate such as ``"\\ud800"``).

`ReadError` carries one French phrase (no final full stop), the same everywhere; the
details for the engineers go to the log. Never raises anything else.
"""

from __future__ import annotations

import json
import logging
import math
import re
from itertools import accumulate

log = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024  # a real log is a few kilobytes; a run file a few hundred
MAX_DEPTH = 64  # the game's files nest about ten levels deep
MAX_INT_DIGITS = 40  # a seed has at most 19 digits
MAX_FLOAT_CHARS = 40  # a float written by Python has at most 24 characters
MAX_KEY_SHOWN = 40  # how much of a key a message quotes

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")


class ReadError(ValueError):
    """A file or message that is not acceptable, said in one French phrase.

    `kind`: "syntax" (not UTF-8, not JSON), "size" (too big, too deep) or "content"
    (a key twice, NaN, a number too long, an unreadable character)."""

    def __init__(self, message, kind="content"):
        super().__init__(message)
        self.kind = kind


def shown_key(key) -> str:
    """A key quoted in a message: short, printable, never a surrogate."""
    text = str(key)
    text = "".join(c if c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF else "?" for c in text)
    return text if len(text) <= MAX_KEY_SHOWN else text[: MAX_KEY_SHOWN - 1] + "…"


def nesting_depth(text: str) -> int:
    """How deep the brackets of a JSON text go (strings left out); no recursion."""
    brackets = _BRACKETS.findall(_STRING.sub("", text))
    if not brackets:
        return 0
    return max(accumulate(1 if b in "[{" else -1 for b in brackets))


def _no_duplicate_keys(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise ReadError(
                f"la clé « {shown_key(key)} » est écrite deux fois dans le fichier : "
                "il a été modifié à la main, ce n'est pas un fichier du jeu"
            )
        result[key] = value
    return result


def _refuse_constant(name):
    raise ReadError(f"le fichier contient une valeur impossible ({name})")


def _bounded_int(text):
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ReadError("le fichier contient un nombre beaucoup trop long")
    return int(text)


def _bounded_float(text):
    if len(text) > MAX_FLOAT_CHARS:
        raise ReadError("le fichier contient un nombre beaucoup trop long")
    value = float(text)
    if not math.isfinite(value):
        raise ReadError("le fichier contient un nombre beaucoup trop grand")
    return value


def decode(raw: bytes) -> str:
    """UTF-8 text (a BOM is allowed), or ReadError."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReadError("ce n'est pas un fichier texte (UTF-8)", "syntax") from None


def parse_json(
    data: str | bytes,
    max_bytes: int = MAX_BYTES,
    max_depth: int = MAX_DEPTH,
    allow_nan: bool = False,
):
    """The value of a JSON text, or ReadError (French); never any other exception.

    `allow_nan`: the game's own saves may hold NaN / Infinity (Python writes them);
    nothing that comes from outside may."""
    try:
        return _parse(data, max_bytes, max_depth, allow_nan)
    except ReadError:
        raise
    except Exception as error:  # a defect here: still a French sentence for the user
        log.warning("lecture JSON : %r", error)
        raise ReadError("ce n'est pas du JSON valide", "syntax") from None


def _parse(data, max_bytes, max_depth, allow_nan=False):
    if len(data) > max_bytes:
        raise ReadError(f"fichier beaucoup trop gros (plus de {_size_text(max_bytes)})", "size")
    text = decode(data) if isinstance(data, bytes | bytearray) else data
    if nesting_depth(text) > max_depth:
        raise ReadError(_too_deep(max_depth), "size")
    try:
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=float if allow_nan else _refuse_constant,
            parse_int=_bounded_int,
            parse_float=float if allow_nan else _bounded_float,
        )
    except ReadError:
        raise
    except RecursionError:  # cannot happen after the count above; kept as a guard
        raise ReadError(_too_deep(max_depth), "size") from None
    except ValueError as error:
        log.info("JSON invalide : %r", error)
        line = getattr(error, "lineno", None)
        where = f" (problème à la ligne {line})" if isinstance(line, int) else ""
        raise ReadError(f"ce n'est pas du JSON valide{where}", "syntax") from None
    _check_text(value)
    return value


def _too_deep(max_depth: int) -> str:
    return f"le JSON est trop imbriqué (plus de {max_depth} niveaux)"


def _check_text(value) -> None:
    """ReadError if a text holds a lone surrogate (it could be neither drawn nor saved)."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ReadError("le fichier contient des caractères illisibles") from None


def _size_text(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit // (1024 * 1024)} Mo"
    return f"{max(1, limit // 1024)} ko"


def read_json_file(path, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH):
    """(value, None) or (None, French reason) for the file at `path`; never raises.

    Only a regular file is read (a folder, a pipe, a device are named for what they
    are), without blocking and never further than `max_bytes`. Path problems (missing,
    a symlink loop, no right to read) have the same words everywhere (`game.files`).
    """
    from game.files import FileKindError, read_regular_file

    try:
        raw = read_regular_file(path, max_bytes)
    except FileKindError as error:
        return None, str(error)
    except Exception as error:  # never a Python text for the user
        log.warning("lecture de %s : %r", path, error)
        return None, "impossible de lire le fichier"
    try:
        return parse_json(raw, max_bytes, max_depth), None
    except ReadError as error:
        return None, str(error)
