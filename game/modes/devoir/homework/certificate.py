"""Certificates: a printable picture per pupil, with a short code the game can re-check.

The verification code (« 7KQD-M3XA ») is an HMAC of what the certificate says
(first name, class, homework code, levels and stars, date) with a key kept on the
teacher's computer (`<home>/enseignant/cle-attestations`). The game notes every
certificate it issues (`attestations.json`, with a public mark of the key that signed
it); typing a code back shows what the real certificate says, so a hand-edited picture
is caught. A missing or other key is said as such (« je ne peux pas vérifier… »), never
as « modifiée »; the teacher's backup (`backup.py`) carries the key to another computer.
Nothing leaves the computer otherwise.
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
IMPORTED_KEYS = "cles-attestations-importees"
CANNOT_CHECK = (
    "Je ne peux pas vérifier cette attestation sur cet ordinateur : la clé qui l'a signée "
    "n'est pas ici (elle a été effacée, ou l'attestation vient d'un autre ordinateur). "
    "Importez la sauvegarde de l'espace enseignant de l'ordinateur qui l'a faite."
)
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


def _key(folder, create=True):
    """The teacher's secret key (created at first use, atomically); None if it is missing
    and `create` is False (checking never makes a new key: it would fail silently)."""
    from game.storage import write_atomic

    path = folder / KEY_FILE
    try:
        key = bytes.fromhex(path.read_text("ascii").strip())
        if len(key) == 32:
            return key
    except (OSError, ValueError):
        pass
    if not create:
        return None
    key = secrets.token_bytes(32)
    write_atomic(path, key.hex() + "\n")
    return key


def fingerprint(key):
    """A short public mark of a key (which key signed a certificate), never the key."""
    return hashlib.sha256(b"tuto-llm/cle|" + key).hexdigest()[:12]


def imported_keys(folder):
    """Keys of other computers, imported with their teacher backup (`backup.py`)."""
    try:
        lines = (folder / IMPORTED_KEYS).read_text("ascii").split()
    except (OSError, ValueError):
        return []
    keys = []
    for line in lines[:200]:
        try:
            key = bytes.fromhex(line)
        except ValueError:
            continue
        if len(key) == 32:
            keys.append(key)
    return keys


def keys_here(folder):
    own = _key(folder, create=False)
    return ([own] if own else []) + imported_keys(folder)


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
    key = _key(folder)
    code = code_for(attestation, key)
    ledger = _load_ledger(folder)
    ledger[code] = {**asdict(attestation), "cle": fingerprint(key)}
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
    mark = entry.pop("cle", None)
    try:
        entry["niveaux"] = tuple(tuple(pair) for pair in entry["niveaux"])
        attestation = Attestation(**entry)
    except (KeyError, TypeError, ValueError):
        return None, "La liste des attestations est abîmée pour ce code."
    keys = keys_here(folder)
    signers = [k for k in keys if fingerprint(k) == mark] if mark else keys
    if not signers:
        return None, CANNOT_CHECK
    if any(hmac.compare_digest(code_for(attestation, k), code) for k in signers):
        return attestation, None
    if not mark:  # an older note, without its key's mark: which key made it is unknown
        return None, CANNOT_CHECK
    return None, "Cette attestation a été modifiée : son code ne correspond plus."


def from_copie(copie, grille, date):
    """The certificate of a pupil's line in the grid (levels done, with their stars)."""
    done = tuple((c.numero, c.etoiles) for c in copie.cases.values() if c.fait)
    name = f"{copie.prenom} {copie.nom}".strip()  # twins share a first name, never a line
    return Attestation(name, grille.classe, grille.code, done, date.isoformat())


def describe(attestation):
    """« Chloé (5e B), devoir K7QM-…, le 6 décembre 2026 : niveau 1 ★★★, … »."""
    from game.modes.devoir.homework.french import day

    stars = ", ".join(f"niveau {n} {'★' * s}{'☆' * (3 - s)}" for n, s in attestation.niveaux)
    classe = attestation.classe or "sans classe"
    return (
        f"{attestation.prenom} ({classe}), devoir {attestation.devoir}, "
        f"le {day(attestation.date)} : {stars or 'aucun niveau'}."
    )
