"""A pupil's homework, kept in their profile (`profile.homework`), saved like the rest.

    profile.homework = {
        "actif": "K7QM-3XPA-HW9D" or None,       # the homework shown on the map
        "devoirs": {code: {"journaux": {level id: run log}, "rendu_le": "", "fichier": ""}},
    }

Homework runs never touch the adventure's progress: they live here only. For each
level, the best run is kept (done by the homework's rule first, then more stars).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from game.modes.devoir.homework import handin
from game.modes.devoir.homework.code import decode, game_version, normaliser
from game.modes.devoir.homework.seeds import normalise_name, personal_seed

MAX_HOMEWORKS = 20


def clean(data):
    """A valid homework dict from whatever was on disk (never raises; bad parts dropped);
    {} when there is no homework."""
    out = {"actif": None, "devoirs": {}}
    if not isinstance(data, dict):
        return {}
    devoirs = data.get("devoirs")
    for code, entry in devoirs.items() if isinstance(devoirs, dict) else []:
        if not isinstance(code, str) or not isinstance(entry, dict):
            continue
        logs = entry.get("journaux")
        logs = (
            {k: v for k, v in logs.items() if isinstance(v, dict)} if isinstance(logs, dict) else {}
        )
        out["devoirs"][code] = {
            "journaux": logs,
            "rendu_le": entry.get("rendu_le") if isinstance(entry.get("rendu_le"), str) else "",
            "fichier": entry.get("fichier") if isinstance(entry.get("fichier"), str) else "",
            "prenom": entry.get("prenom") if isinstance(entry.get("prenom"), str) else "",
        }
    actif = data.get("actif")
    out["actif"] = actif if actif in out["devoirs"] else None
    return out if out["devoirs"] else {}


def state(profile):
    profile.homework = clean(getattr(profile, "homework", None)) or {"actif": None, "devoirs": {}}
    return profile.homework


INITIAL = re.compile(r"\s[^\W\d_]\.?$")


def has_initial(name):
    """« Léa D. », « Léa D » → True; « Léa » → False."""
    return bool(INITIAL.search(name or ""))


def twin_here(profile, code, folder=None):
    """True when this computer shows another pupil with the same first name for this
    homework: the teacher's class list noted with the homework (`register`), or a hand-in
    of another pupil in the hand-in folder."""
    from game.modes.devoir.homework import register

    name = pupil_name(profile, code) if code in state(profile)["devoirs"] else profile.name
    if has_initial(name):
        return False
    key = normalise_name(name)
    if key in register.twins(code):
        return True
    mine = (state(profile)["devoirs"].get(code) or {}).get("fichier", "")
    folder = Path(folder or homework_dir())
    try:
        files = sorted(folder.glob(f"devoir-{code}-*{handin.SUFFIX}"))[:200]
    except OSError:
        return False
    for path in files:
        if str(path) == mine:
            continue
        found, _ = handin.read(path)
        if found is not None and normalise_name(found.prenom) == key:
            return True
    return False


def join(profile, text, initiale="", folder=None):
    """Takes a typed code: the homework becomes the active one. Returns (code, Devoir).

    Raises `ErreurCode` (French) for a wrong code or one from a newer game, and
    `ErreurCode(cle="initiale")` when another pupil with the same first name has this
    homework on this computer: then call again with `initiale` (a letter of the family
    name): the pupil becomes « Léa D. » for this homework (own seeds, own file).
    """
    from game.modes.devoir.homework.code import ErreurCode

    code = normaliser(text)
    devoir = decode(code)
    if tuple(devoir.version) > tuple(game_version()[:2]):
        raise ErreurCode(
            "Ce code vient d'une version plus récente du jeu : demande à un adulte "
            "de mettre Tuto LLM à jour.",
            cle="version",
        )
    letter = next((c for c in (initiale or "") if c.isalpha()), "")
    fresh = code not in state(profile)["devoirs"] or not state(profile)["devoirs"][code]["prenom"]
    if fresh and not letter and twin_here(profile, code, folder):
        raise ErreurCode(
            "Un autre élève qui s'appelle aussi "
            f"{profile.name} a ce devoir : ajoute l'initiale de ton nom de famille.",
            cle="initiale",
            prenom=profile.name,
        )
    homework = state(profile)
    entry = homework["devoirs"].setdefault(code, _empty(profile))
    if letter and fresh:
        entry["prenom"] = f"{profile.name} {letter.upper()}."
    entry["prenom"] = entry["prenom"] or profile.name
    homework["actif"] = code
    if len(homework["devoirs"]) > MAX_HOMEWORKS:
        oldest = next(c for c in homework["devoirs"] if c != code)
        del homework["devoirs"][oldest]
    return code, devoir


def active(profile):
    """(code, Devoir) of the homework shown on the map, or (None, None)."""
    code = state(profile)["actif"]
    if code is None:
        return None, None
    try:
        return code, decode(code)
    except ValueError:
        return None, None


def _empty(profile):
    return {"journaux": {}, "rendu_le": "", "fichier": "", "prenom": profile.name}


def pupil_name(profile, code):
    """The first name the homework was taken with (seeds and hand-in use it)."""
    entry = state(profile)["devoirs"].get(code)
    return (entry or {}).get("prenom") or profile.name


def seed(profile, code, level_id):
    """The pupil's personal seed for this level of this homework."""
    return personal_seed(code, pupil_name(profile, code), level_id)


def _rank(devoir, journal):
    claims = journal.get("annonce", {}) if isinstance(journal, dict) else {}
    stars = sum(1 for e in claims.get("etoiles", []) if e is True)
    done = bool(claims.get("termine")) and (stars == 3 or not devoir.trois_etoiles)
    return (done, bool(claims.get("termine")), stars)


def record(profile, code, devoir, journal):
    """Keeps a homework run if it is better than the one kept; returns True if kept."""
    entry = state(profile)["devoirs"].setdefault(code, _empty(profile))
    level_id = journal.get("niveau")
    old = entry["journaux"].get(level_id)
    if old is not None and _rank(devoir, old) >= _rank(devoir, journal):
        return False
    entry["journaux"][level_id] = journal
    return True


def level_status(profile, code, devoir):
    """[(level number, level id, done, stars)] for the map's homework panel."""
    from levels import registry

    entry = state(profile)["devoirs"].get(code, {"journaux": {}})
    by_number = {n.numero: n for n in registry.niveaux()}
    rows = []
    for numero in devoir.niveaux:
        niveau = by_number.get(numero)
        if niveau is None:
            continue
        journal = entry["journaux"].get(niveau.id)
        done, _, stars = _rank(devoir, journal) if journal else (False, False, 0)
        rows.append((numero, niveau.id, done, stars))
    return rows


def hand_in(profile, code, folder, now=None):
    """Writes `devoir-CODE-Prenom.tuto` in `folder`; returns its path. Raises `SaveError`."""
    entry = state(profile)["devoirs"].setdefault(code, _empty(profile))
    now = now or dt.datetime.now().replace(microsecond=0)
    data = handin.build(code, pupil_name(profile, code), entry["journaux"], now)
    path = handin.write(folder, data)
    entry["rendu_le"] = now.isoformat()
    entry["fichier"] = str(path)
    return path


def homework_dir():
    from game.storage import home_dir

    return home_dir() / "devoirs"
