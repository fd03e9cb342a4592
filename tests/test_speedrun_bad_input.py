"""Run files that are damaged, edited, from another version/category/seed, or whose times
are impossible: refused with a French reason, never a crash."""

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import __version__
from game.cli import main
from game.modes.course.speedrun import categories as cats
from game.modes.course.speedrun.solver import solve_run
from game.modes.course.speedrun.verify import verify_run
from tests.speedrun_helpers import levels

_GOOD = {}


def good():
    if not _GOOD:
        run = solve_run(cats.category("niveau-3"), 99, levels(), code="")
        _GOOD["data"] = run.run_file(__version__)
    return copy.deepcopy(_GOOD["data"])


def refused(data, words, **kw):
    verdict = verify_run(data, levels=levels(), **kw)
    assert not verdict.valid
    assert verdict.reason.startswith("Course refusée")
    assert words in verdict.reason, verdict.reason
    return verdict


def test_good_file_is_valid():
    assert verify_run(good(), levels=levels()).valid


def test_other_version_category_seed():
    data = good()
    data["version"] = "0.0.1"
    refused(data, "autre version")
    refused(good(), "pas « niveau-2 »", expected_category="niveau-2")
    refused(good(), "autre graine", expected_seed=5)
    data = good()
    data["categorie"] = "niveau-2"
    refused(data, "pas celui de la catégorie")
    data = good()
    data["categorie"] = "vite"
    refused(data, "catégorie « vite »")
    data = good()
    data["code"] = "LUNE42"
    refused(data, "code du club")


def test_edited_actions_are_caught():
    data = good()
    data["niveaux"][0]["journal"]["actions"] = data["niveaux"][0]["journal"]["actions"][:1]
    refused(data, "n'atteint pas l'objectif")
    data = good()
    actions = data["niveaux"][0]["journal"]["actions"]
    actions.insert(1, [actions[0][0], {"type": "voler", "x": 1}])
    refused(data, "refusée")


def test_impossible_times():
    data = good()
    for number, entry in enumerate(data["niveaux"][0]["journal"]["actions"]):
        entry[0] = number * 20
    data["niveaux"][0]["fin"] = [200, 200]
    data["annonce"].update(temps_reel_ms=200, temps_jeu_ms=200)
    verdict = refused(data, "main")  # too many quick clicks, or less than a hand's least time
    assert "aucune main" in verdict.reason or "une main met au moins 1,0 s" in verdict.reason
    data = good()
    data["niveaux"][0]["fin"][1] = data["niveaux"][0]["fin"][0] + 5000
    refused(data, "plus vite que le temps réel")
    data = good()
    data["niveaux"][0]["fin"] = [500_000, 500_000]
    data["annonce"].update(temps_reel_ms=500_000, temps_jeu_ms=500_000)
    refused(data, "bien après la dernière action")
    data = good()
    data["annonce"]["temps_jeu_ms"] = 1
    refused(data, "annoncés")
    data = good()
    actions = data["niveaux"][0]["journal"]["actions"]
    actions[0][0], actions[1][0] = actions[1][0], actions[0][0]
    refused(data, "pas dans l'ordre")


def test_hint_in_no_hint_category():
    run = solve_run(cats.category("niveau-3-sans-indice"), 99, levels())
    data = run.run_file(__version__)
    actions = data["niveaux"][0]["journal"]["actions"]
    actions.insert(0, [0, {"type": "indice", "numero": 1}])
    refused(data, "indice")


@pytest.mark.parametrize(
    "content",
    [b"", b"\xff\xfe garbage", b"[1, 2]", b'{"type": "course"}', b"{" * 5000, b"null"],
)
def test_damaged_files_on_the_command_line(tmp_path, capsys, content):
    path = tmp_path / "course.json"
    path.write_bytes(content)
    assert main(["verify", str(path)]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err and "✗" in out.out


def _mutations():
    keys = st.sampled_from(
        [
            "format",
            "version",
            "graine",
            "niveaux",
            "pauses",
            "calcul_ms",
            "annonce",
            "entrainement",
            "categorie",
            "code",
            "coureur",
        ]
    )
    values = st.one_of(
        st.none(),
        st.integers(-5, 2**64),
        st.text(max_size=5),
        st.booleans(),
        st.lists(st.integers(-3, 3), max_size=3),
        st.floats(allow_nan=True),
    )
    return st.lists(st.tuples(keys, values), min_size=1, max_size=3)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_any_field_edit_is_refused_or_valid_never_a_crash(edits):
    data = good()
    for key, value in edits:
        data[key] = value
    verdict = verify_run(json.loads(json.dumps(data)), levels=levels())
    assert isinstance(verdict.reason, str) and verdict.reason
    if verdict.valid:
        assert verdict.reason.startswith("Course vérifiée")
