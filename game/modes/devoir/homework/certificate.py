"""Certificates: a printable picture per pupil, with a short code the game can re-check.

The verification code (« 7KQD-M3XA ») is an HMAC of what the certificate says
(first name, class, homework code, levels and stars, date) with a key kept on the
teacher's computer (`<home>/enseignant/cle-attestations`). The game notes every
certificate it issues (`attestations.json`); typing a code back shows what the real
certificate says, so a hand-edited picture is caught. Nothing leaves the computer.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import asdict, dataclass

from game.modes.devoir.homework.code import ErreurCode, from_groups, to_groups

GROUPS = 2
SALT = 11  # different check characters from homework codes: one is never the other
KEY_FILE = "cle-attestations"
LEDGER = "attestations.json"
MAX_LEDGER = 5000


@dataclass(frozen=True)
class Attestation:
    prenom: str
    classe: str
    devoir: str  # the homework code
    niveaux: tuple  # ((level number, stars), …) of the levels done
    date: str  # ISO date the teacher issued it

    def canonical(self):
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)


def teacher_dir():
    from game.storage import home_dir

    return home_dir() / "enseignant"


def _key(folder):
    """The teacher's secret key (created at first use, atomically)."""
    from game.storage import write_atomic

    path = folder / KEY_FILE
    try:
        key = bytes.fromhex(path.read_text("ascii").strip())
        if len(key) == 32:
            return key
    except (OSError, ValueError):
        pass
    key = secrets.token_bytes(32)
    write_atomic(path, key.hex() + "\n")
    return key


def code_for(attestation, key):
    digest = hmac.new(key, attestation.canonical().encode("utf-8"), hashlib.sha256).digest()
    return to_groups(int.from_bytes(digest[:8], "big") % 31**5, GROUPS, SALT)


def _load_ledger(folder):
    from game.storage import read_json

    data, _ = read_json(folder / LEDGER, lambda d: d if isinstance(d, dict) else None)
    return data or {}


def issue(attestation, folder=None):
    """Gives the certificate its code and notes it in the ledger. Raises `SaveError`."""
    from game.storage import write_json

    folder = folder or teacher_dir()
    code = code_for(attestation, _key(folder))
    ledger = _load_ledger(folder)
    ledger[code] = asdict(attestation)
    if len(ledger) > MAX_LEDGER:
        ledger = dict(list(ledger.items())[-MAX_LEDGER:])
    write_json(folder / LEDGER, ledger)
    return code


def check(text, folder=None):
    """(Attestation, None) if the typed code is one this computer issued, else
    (None, French sentence)."""
    try:
        from_groups(text, GROUPS, SALT, what="le code de l'attestation")
    except ErreurCode as error:
        return None, str(error)
    folder = folder or teacher_dir()
    code = to_groups(from_groups(text, GROUPS, SALT), GROUPS, SALT)
    entry = _load_ledger(folder).get(code)
    if not isinstance(entry, dict):
        return None, "Cette attestation n'a pas été faite sur cet ordinateur (code inconnu)."
    try:
        entry["niveaux"] = tuple(tuple(pair) for pair in entry["niveaux"])
        attestation = Attestation(**entry)
    except (KeyError, TypeError, ValueError):
        return None, "La liste des attestations est abîmée pour ce code."
    if not hmac.compare_digest(code_for(attestation, _key(folder)), code):
        return None, "Cette attestation a été modifiée : son code ne correspond plus."
    return attestation, None


def from_copie(copie, grille, date):
    """The certificate of a pupil's line in the grid (levels done, with their stars)."""
    done = tuple((c.numero, c.etoiles) for c in copie.cases.values() if c.fait)
    return Attestation(copie.prenom, grille.classe, grille.code, done, date.isoformat())
