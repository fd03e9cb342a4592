"""The registry is the only list of levels: the audit, a homework and a speedrun
category take a sixth level (tests/level_copy.py) with nothing else to edit, and a
homework code has no cap on the number of levels (old codes read as before)."""

import datetime as dt

import pytest

from game.commands import audit
from game.modes.course.speedrun import categories as cats
from game.modes.course.speedrun.solver import solve_run
from game.modes.devoir.homework import handin
from game.modes.devoir.homework.check import check_files
from game.modes.devoir.homework.code import Devoir, decode, encode
from game.modes.devoir.homework.simulate import play_level
from levels import registry


def test_the_audit_plays_the_sixth_level(sixth_level):
    result = audit.audit_seed(sixth_level.id, 0)
    assert result["solver_wins"] and result["hint_win"] and not result["random_win"]


def test_a_homework_with_the_sixth_level_is_played_handed_in_and_checked(tmp_path, sixth_level):
    devoir = Devoir((1, 6), indices=True, echeance=dt.date(2026, 12, 8), nonce=9, version=(0, 1))
    code = devoir.code
    assert len(code) == 14 and decode(code) == devoir
    logs = {
        niveau.id: play_level(code, "Chloé", niveau.numero)
        for niveau in registry.niveaux()
        if niveau.numero in devoir.niveaux
    }
    assert set(logs) == {"l1_devine", "l6_essai"}
    handin.write(tmp_path, handin.build(code, "Chloé", logs, dt.datetime(2026, 12, 7, 18, 0)))
    grille = check_files([tmp_path], workers=1)
    (copie,) = grille.copies
    assert copie.valide, copie.raisons()


def test_every_level_category_takes_the_sixth_level_and_is_run(sixth_level):
    from speedrun_helpers import CachedLevel

    category = cats.category("aventure")
    assert category.levels == (1, 2, 3, 4, 5, 6)
    assert "1 à 6" in category.rules and "1 to 6" in category.rules_en
    niveaux = [CachedLevel(n) if n.id == "l5_gpt" else n for n in registry.niveaux()]
    assert category.level_ids(niveaux)[-1] == "l6_essai"
    run = solve_run(category, 11, niveaux)
    assert run.finished and [n.id for n in run.niveaux][-1] == "l6_essai"


def test_without_the_sixth_level_the_whole_adventure_is_five_levels():
    assert cats.category("aventure").levels == (1, 2, 3, 4, 5)
    assert "1 à 5" in cats.category("cent-pourcent").rules


@pytest.mark.parametrize(
    ("code", "devoir"),
    [  # codes made before levels had no cap: they read exactly as before
        ("2CUB-ECFS-J4WY", Devoir((1, 2, 3), True, False, dt.date(2026, 12, 8), 4242, (0, 1))),
        ("NZCS-6FJZ-7XRT", Devoir((1, 2, 3, 4, 5, 6), False, True, None, 16383, (3, 15))),
        ("26ZE-QTSX-Y5S3", Devoir((6,), True, True, dt.date(2031, 8, 1), 0, (0, 0))),
    ],
)
def test_old_homework_codes_still_read(code, devoir):
    assert decode(code) == devoir and encode(devoir) == code


@pytest.mark.parametrize("niveaux", [(7,), (1, 21), (22,), tuple(range(1, 37))])
def test_a_homework_code_has_no_cap_on_levels(niveaux):
    devoir = Devoir(niveaux, True, False, None, 5, (0, 1))
    code = encode(devoir)
    assert decode(code) == devoir
    assert decode(code.lower().replace("-", " ")) == devoir
    groups = 4 if max(niveaux) <= 21 else 5
    assert len(code.split("-")) == groups
