"""A proof made on one supported Python verifies on another (and the reverse).

Floats may differ in the last bit from one Python to the next (3.12 added
`math.sumprod`, its `sum` of floats is compensated): verification re-checks the
goal within a tolerance. This test solves level 5 — the one that trains the whole
GPT — with this Python, verifies the log with another one, and the reverse.
It looks for another Python 3.11+ (`TUTO_LLM_PYTHONS`, a list of paths separated
like PATH, then python3.11…python3.14 on PATH, then pyenv's versions) and skips if
there is none.
"""

import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main

RACINE = Path(__file__).resolve().parent.parent
NIVEAU = "5"


def candidats():
    chemins = [p for p in os.environ.get("TUTO_LLM_PYTHONS", "").split(os.pathsep) if p]
    chemins += [shutil.which(f"python3.{m}") for m in range(11, 15)]
    chemins += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.*/bin/python")))
    return [c for c in chemins if c]


def version(python):
    """(major, minor) of a Python that can import the engine from here, else None."""
    code = "import sys, engine.gpt; print(sys.version_info[0], sys.version_info[1])"
    try:
        fini = subprocess.run(
            [python, "-c", code], cwd=RACINE, capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if fini.returncode != 0:
        return None
    major, minor = (int(x) for x in fini.stdout.split())
    return (major, minor) if (major, minor) >= (3, 11) else None


def autre_python():
    """The supported Python furthest from this one (3.11 ↔ 3.13), or None."""
    ici = sys.version_info[:2]
    trouves = {}
    for chemin in candidats():
        v = version(chemin)
        if v is not None and v != ici:
            trouves.setdefault(v, chemin)
    if not trouves:
        return None
    return trouves[max(trouves, key=lambda v: abs(v[1] - ici[1]))]


def jouer(python, *arguments):
    return subprocess.run(
        [python, "-m", "game", *arguments], cwd=RACINE, capture_output=True, text=True, timeout=900
    )


def test_une_preuve_se_verifie_sur_un_autre_python(tmp_path, capsys):
    autre = autre_python()
    if autre is None:
        pytest.skip("aucun autre Python 3.11+ sur cet ordinateur")
    ici = tmp_path / "resolu_ici.json"
    assert main(["solve", NIVEAU, "--out", str(ici), "--seed", "4"]) == 0
    capsys.readouterr()
    verifie = jouer(autre, "verify", str(ici))
    assert verifie.returncode == 0, verifie.stdout + verifie.stderr
    assert "VALIDE" in verifie.stdout
    la_bas = tmp_path / "resolu_la_bas.json"
    resolu = jouer(autre, "solve", NIVEAU, "--out", str(la_bas), "--seed", "4")
    assert resolu.returncode == 0, resolu.stdout + resolu.stderr
    assert main(["verify", str(la_bas)]) == 0
    assert "VALIDE" in capsys.readouterr().out
