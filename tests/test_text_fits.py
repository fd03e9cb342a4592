"""Every text of the scene catalogs fits its box at the largest text size.

Each scene module declares `TEXT_BOXES = {key: (width, lines, role)}`: the width (in
logical pixels) and the number of lines its layout gives that text. The test renders
every string in French and English at text size 2 (the largest), wraps it like the
game does, and checks it needs no more lines than given and no word is cut.
"""

import importlib
import pkgutil
import tomllib
from pathlib import Path

import pygame
import pytest

import game.scenes
from game.ui import Theme

TEXTS = Path(__file__).resolve().parent.parent / "game" / "textes"
SAMPLES = {
    "name": "Marie-Charlotte Éva",  # 19 letters: close to the longest first name allowed
    "n": 5,
    "page": 12,
    "pages": 12,
    "stars": 3,
    "total": 3,
    "params": "4\u00a0192",
    "place": "Mon mini-LLM et ChatGPT",  # the longest place name
    "mot": "GPT (generative pre-trained transformer)",  # the longest English word of the dico
}
# Where a parameter can only take some values (a result is never about the ending).
SAMPLES_BY_KEY = {
    "result.title_done": {"place": "Bac à sable"},
    "result.title_not_done": {"place": "Bac à sable"},
}


def _flatten(table, prefix=""):
    for key, value in table.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, f"{full}.")
        else:
            yield full, value


def catalog(lang):
    with open(TEXTS / f"scenes.{lang}.toml", "rb") as handle:
        return dict(_flatten(tomllib.load(handle)))


def text_boxes():
    boxes = {}
    for info in pkgutil.iter_modules(game.scenes.__path__):
        module = importlib.import_module(f"game.scenes.{info.name}")
        for key, box in getattr(module, "TEXT_BOXES", {}).items():
            assert key not in boxes, f"« {key} » a deux boîtes"
            boxes[key] = box
    return boxes


@pytest.fixture(scope="module")
def theme():
    pygame.font.init()
    yield Theme(text_size=2)


def test_catalogs_have_the_same_keys_and_parameters():
    from game.i18n import placeholders

    fr, en = catalog("fr"), catalog("en")
    assert sorted(fr) == sorted(en)
    for key in fr:
        assert placeholders(fr[key]) == placeholders(en[key]), key


def test_every_text_has_a_box():
    boxes = text_boxes()
    missing = sorted(set(catalog("fr")) - set(boxes))
    assert not missing, f"textes sans boîte (ajoute-les à TEXT_BOXES) : {missing}"
    unused = sorted(set(boxes) - set(catalog("fr")))
    assert not unused, f"boîtes sans texte : {unused}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_text_fits_at_the_largest_size(theme, lang):
    boxes = text_boxes()
    problems = []
    for key, template in catalog(lang).items():
        width, lines_allowed, role = boxes[key]
        text = template.format(**{**SAMPLES, **SAMPLES_BY_KEY.get(key, {})})
        lines = theme.wrap(text, width, role)
        words = " ".join(text.split("\n")).split()
        rebuilt = " ".join(" ".join(lines).split())
        if len(lines) > lines_allowed:
            problems.append(f"{key} : {len(lines)} lignes au lieu de {lines_allowed} ({text!r})")
        elif rebuilt != " ".join(words):
            problems.append(f"{key} : un mot est coupé en deux ({text!r})")
    assert not problems, "\n".join(problems)
