"""Hostile saves (issue #10): no profile on disk may lock kids out, freeze or kill the game.

Every payload here is one a tester wrote by hand into a profile file. The rule: a profile
that breaks the creation rules is damaged, and damaged files are recovered from `.bak`
(or set aside), like any other.
"""

import json
import os
import time

import pygame
import pytest
from test_app_flow import click, find_button, top

from game import i18n, storage
from game.app import App
from game.profiles import ProfileStore, record_level_result
from game.scenes.ending import chiffres_enfant
from game.scenes.profiles import ProfileChoiceScene
from game.ui import theme as theme_module


@pytest.fixture(autouse=True)
def french():
    i18n.set_language("fr")


@pytest.fixture
def store(tuto_llm_home):
    return ProfileStore()


def nested(depth):
    value = "fond"
    for _ in range(depth):
        value = {"x": value}
    return value


def write_raw(store, profile, text_or_data):
    """Save once (so `.bak` holds a good copy), then write the payload over the file."""
    store.save(profile)
    text = text_or_data if isinstance(text_or_data, str) else json.dumps(text_or_data)
    store.path(profile.id).write_text(text, encoding="utf-8", errors="surrogatepass")


PAYLOADS = {
    "nul in the name": lambda d: {**d, "name": "Zo\u0000é"},
    "lone surrogate": lambda d: json.dumps(d).replace('"Zo\\u00e9"', '"Zo\\ud800"'),
    "1000 letters": lambda d: {**d, "name": "a" * 1000},
    "3000 letters": lambda d: {**d, "name": "b" * 3000},
    "800 deep": lambda d: {**d, "inconnu": nested(800)},
    "infinite parameters": lambda d: json.dumps(d).replace(": 100", ": Infinity"),
    "NaN baseline": lambda d: {**d, "bigram_baseline": float("nan")},
    "huge plays": lambda d: _level(d, plays=10**30),
    "eleven stars kept": lambda d: _level(d, log_stars=11),
}


def _level(data, **fields):
    data["progress"]["l5_gpt"].update(fields)
    return data


def good_profile(store):
    profile = store.create("Zoé")
    record_level_result(profile, "l5_gpt", [True] * 3, {"parametres": 100}, {"seed": 1})
    store.save(profile)
    return profile


@pytest.mark.parametrize("payload", list(PAYLOADS), ids=list(PAYLOADS))
def test_a_hostile_profile_is_damaged_and_recovered_from_its_backup(store, payload):
    profile = good_profile(store)
    write_raw(store, profile, PAYLOADS[payload](profile.to_dict()))
    loaded, message = store.load(profile.id)
    assert message == i18n.t("common.save.recovered")
    assert loaded.name == "Zoé"
    assert loaded.progress["l5_gpt"].log_metrics == {"parametres": 100}
    assert any(".abime-" in p.name for p in store.root.iterdir())
    store.save(loaded)  # and it can be written again


@pytest.mark.parametrize("payload", list(PAYLOADS), ids=list(PAYLOADS))
def test_without_a_backup_the_file_is_kept_aside_and_others_still_play(store, payload):
    profile = good_profile(store)
    store.create("Tom")
    write_raw(store, profile, PAYLOADS[payload](profile.to_dict()))
    storage.backup_path(store.path(profile.id)).unlink()
    assert [p.name for p in store.list_profiles()] == ["Tom"]
    assert store.messages == [i18n.t("common.save.lost")]


def test_names_are_cleaned_on_load_as_on_creation(store):
    profile = store.create("Zoé")
    write_raw(store, profile, {**profile.to_dict(), "name": "  Zo\u0065\u0301  "})
    assert store.load(profile.id)[0].name == "Zoé"


@pytest.mark.parametrize("payload", list(PAYLOADS), ids=list(PAYLOADS))
def test_jouer_still_lists_every_kid(app, payload):
    store = app.profiles
    profile = good_profile(store)
    store.create("Tom")
    write_raw(store, profile, PAYLOADS[payload](profile.to_dict()))
    storage.backup_path(store.path(profile.id)).unlink()
    click(app, find_button(top(app), app.t("scenes.title.play")).rect.center)
    for _ in range(3):
        app.step([])
    assert isinstance(top(app), ProfileChoiceScene)
    assert [p.name for p in top(app).profiles] == ["Tom"]
    assert app.crashes == 0


def test_the_safety_net_survives_a_profile_that_cannot_be_saved(app, monkeypatch):
    app.profile = app.profiles.create("Zoé")
    app.profile.extra["inconnu"] = nested(5000)  # asdict() recursion: to_dict raises

    def broken_draw(*_args):
        raise RuntimeError("une scène cassée")

    monkeypatch.setattr(top(app), "draw", broken_draw)
    app.step([])  # must not raise
    app.step([])
    assert app.crashes >= 1 and app.running


def test_the_safety_net_survives_even_a_broken_save_profile(app, monkeypatch):
    def explode():
        raise RecursionError("plus rien ne marche")

    monkeypatch.setattr(app, "save_profile", explode)
    app._crash(top(app), RuntimeError("panne"))  # must not raise
    assert app.crashes == 1


def test_an_infinite_figure_never_reaches_the_ending(store):
    profile = good_profile(store)
    profile.progress["l5_gpt"].log_metrics["parametres"] = float("inf")
    assert isinstance(chiffres_enfant(profile)["parametres"], int)


def test_infinity_is_never_recorded():
    from game.profiles import Profile

    profile = Profile(id="zoe-1", name="Zoé")
    record_level_result(profile, "l1_devine", [True] * 3, {"loss": float("inf"), "n": 3}, None)
    assert profile.progress["l1_devine"].best == {"n": 3}


def test_leftover_temp_files_are_cleaned_at_start(tuto_llm_home):
    profiles = tuto_llm_home / "profiles"
    profiles.mkdir(parents=True)
    old = [profiles / f".zoe-1.json.x{i}.tmp" for i in range(102)]
    old.append(tuto_llm_home / ".settings.json.abc.tmp")
    for path in old:
        path.write_text("{")
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    fresh = profiles / ".tom-2.json.new.tmp"  # another game may be saving right now
    fresh.write_text("{")
    kept = profiles / "notes.tmp"  # not one of ours
    kept.write_text("à moi")
    game = App(headless=True, runner_mode="slices")
    game.close()
    assert not any(path.exists() for path in old)
    assert fresh.exists() and kept.exists()


def test_a_huge_word_is_cut_in_few_measures(monkeypatch):
    pygame.init()
    theme = theme_module.Theme()
    font = theme_module.get_font(theme.size("body"))
    calls = []

    class Counting:
        def size(self, text):
            calls.append(len(text))
            return font.size(text)

    monkeypatch.setattr(theme_module, "get_font", lambda _size: Counting())
    lines = theme.wrap("a" * 3000, 200)
    assert "".join(lines) == "a" * 3000
    assert all(font.size(line)[0] <= 200 for line in lines)
    # quadratic cutting measured millions of letters; a binary search a few hundred thousand
    assert sum(calls) < 400_000, sum(calls)
