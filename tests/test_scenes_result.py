"""The result screen never shows a figure that reads like the bar when it is not the bar."""

import pytest

from game.scenes import demo
from game.scenes.figures import format_value
from game.scenes.places import build_places
from game.scenes.result import ResultScene
from levels.base import Partie
from levels.l1_devine.logic import NIVEAU as NIVEAU_1
from levels.l4_attention.logic import NIVEAU as NIVEAU_4
from levels.l5_gpt.logic import NIVEAU as NIVEAU_5


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2.8498, "2,8498"),  # rounds to the bar: one more decimal is not enough (2,850)
        (2.8531, "2,853"),
        (2.84, "2,84"),
        (2.85, "2,85"),  # the bar itself
        (2.86, "2,86"),
        (3.2958, "3,30"),
    ],
)
def test_a_loss_next_to_its_bar(app, value, text):
    bars = [NIVEAU_1.objectif.seuil, *NIVEAU_1.autres_barres]  # the loss bar of the challenge
    assert format_value(app, NIVEAU_1, "perte", value, bars) == text


def test_a_percentage_next_to_its_bar(app):
    metric = NIVEAU_4.objectif.metrique  # « sur 90 % »
    assert format_value(app, NIVEAU_4, metric, 0.8996, [0.9]) == "89,96\u00a0%"
    assert format_value(app, NIVEAU_4, metric, 0.904, [0.9]) == "90,4\u00a0%"
    assert format_value(app, NIVEAU_4, metric, 0.95, [0.9]) == "95\u00a0%"


def test_english_numbers_too(app):
    assert app.theme.lang == "fr"
    app.settings.language = "en"
    app.apply_settings()
    assert app.theme.lang == "en"  # the widgets write numbers in the new language too
    assert format_value(app, NIVEAU_1, "perte", 2.8498, [2.85]) == "2.8498"


def test_the_result_figures_use_the_bars(app):
    demo.demo_profile(app, "all")
    place = next(p for p in build_places(app.profile) if p.id == NIVEAU_1.id)
    scene = app.scenes.push(ResultScene(app, place, Partie(NIVEAU_1, 1)))
    scene.mesures = {"meilleure_perte": 2.8498, "perte": 2.8498, "prenoms": 17}
    figures = dict(scene.figures())
    assert figures[scene.texts.text("mesures.meilleure_perte")] == "2,8498"
    assert figures[scene.texts.text("mesures.prenoms")] == "17"


def test_level_5_figures_also_use_its_own_bar(app):
    demo.demo_profile(app, "all")
    place = next(p for p in build_places(app.profile) if p.id == NIVEAU_5.id)
    scene = app.scenes.push(ResultScene(app, place, Partie(NIVEAU_5, 1)))
    scene.mesures = {"perte_validation": 2.3804, "barre": 2.38, "etapes_totales": 300}
    assert scene.bars() == [2.38]  # the run's own bar, not the highest goal of the three
    figures = dict(scene.figures())
    assert figures[scene.texts.text("mesures.perte_validation")] == "2,3804"
    assert figures[scene.texts.text("mesures.barre")] == "2,38"
