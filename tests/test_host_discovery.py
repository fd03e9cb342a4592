"""The level host's shared parts of this round: « ce que tu viens de découvrir » before the
question (with the kid's own numbers), the intro reopened from the pause menu, and list
texts never read as plain texts (no « i18n list read as a text » warning)."""

import logging

import pygame
import pytest
from test_app_flow import click, find_button, key, top
from test_app_support import fake_level  # noqa: F401 - fixture

from game.scenes.pause import PauseMenu
from game.scenes.question import QuestionPanel


@pytest.fixture
def app(app):
    app.seed_override = 7
    return app


def _enter(app, niveau):
    from game.scenes import demo

    demo.setup_map_some(app)
    game_map = top(app)
    game_map.enter(game_map.by_id[niveau.id])
    return top(app)


def test_the_discovery_comes_before_the_question_with_the_kids_numbers(app, fake_level):  # noqa: F811
    host = _enter(app, fake_level)
    for _ in range(2):
        host.partie.jouer({"type": "ajouter", "n": 5})
    host.finish()
    panel = top(app)
    assert isinstance(panel, QuestionPanel)
    actions = host.partie.etat.actions  # the engine's own count, as the text says
    assert f"jusqu'à 10 en {actions} actions" in panel.discovery
    # the question's choices are not offered yet: the kid reads first
    assert not any(getattr(w, "label", "") in ("10", "5", "55") for w in panel.container.widgets)
    click(app, find_button(panel, app.t("scenes.question.discovery_go")).rect.center)
    assert panel.discovery == "" and host.discovery_shown
    assert panel.question  # now the question
    pygame.event.clear()


def test_a_level_without_discovery_text_goes_straight_to_the_question(app, fake_level):  # noqa: F811
    from game.scenes import question

    host = _enter(app, fake_level)
    host.texts.has = lambda key: key != "decouvert"
    assert question.discovery_text(host) == ""


def test_the_intro_can_be_reopened_from_the_pause_menu(app, fake_level):  # noqa: F811
    host = _enter(app, fake_level)
    assert not host.intro
    key(app, pygame.K_ESCAPE)
    assert isinstance(top(app), PauseMenu)
    click(app, find_button(top(app), app.t("scenes.pause.intro")).rect.center)
    assert top(app) is host and host.intro and host.intro_page == 0
    assert "panel" in host.paused  # play is paused while the kid reads
    host.skip_intro()
    assert not host.intro and not host.paused


def test_intro_lists_are_never_read_as_texts(app, fake_level, caplog):  # noqa: F811
    with caplog.at_level(logging.DEBUG):
        host = _enter(app, fake_level)
        host.intro_pages()
        host.reopen_intro()
    assert "list read as a text" not in caplog.text


@pytest.mark.parametrize("size", [0, 1, 2])
def test_every_dico_page_fits_or_scrolls_to_its_last_word(app, size):
    """Level 5's page hid its last entry under the buttons (issue #24)."""
    from game.scenes import demo
    from game.scenes.dico import PAGES

    app.settings.text_size = size
    app.apply_settings()
    demo.setup_dico(app)
    dico = top(app)
    for page in PAGES:
        dico.page, dico.scroll = page, 0
        dico.rebuild()
        for _ in range(200):
            key(app, pygame.K_DOWN)
            if dico.scroll == dico.max_scroll():
                break
        last = dico.rows[-1][3].move(0, -dico.scroll)
        assert last.bottom <= dico.words_rect.bottom + 1, (page, size)
        assert dico.words_rect.bottom < min(
            w.rect.top for w in dico.container.widgets if getattr(w, "label", None)
        )


@pytest.mark.parametrize("size", [0, 2])
def test_all_three_hints_of_every_level_stay_above_the_close_button(app, size):
    """At the largest text size, « Fermer » covered the end of level 4's third hint."""
    from game.scenes import demo

    app.settings.text_size = size
    app.apply_settings()
    for place in demo.playable_places(app):
        if place.niveau is None:
            continue
        host = demo._host(app, place)
        for numero in (1, 2, 3):
            host.partie.jouer({"type": "indice", "numero": numero})
        panel = app.push("hints", host)
        close = find_button(panel, app.t("common.close"))
        texts = [rect for kind, _n, _t, rect in panel.rows if kind == "text"]
        rows = [rect for kind, _n, _t, rect in panel.rows]
        assert len(rows) == 3 and texts, place.id  # all three, the last at least in full
        assert all(rect.bottom < close.rect.top for rect in rows), (place.id, size)
        for number in (1, 2, 3):  # every hint can be read in full
            if not any(n == number and kind == "text" for kind, n, _t, _r in panel.rows):
                panel.reread(number)
            row = next(r for kind, n, _t, r in panel.rows if n == number and kind == "text")
            assert row.bottom < find_button(panel, app.t("common.close")).rect.top
        assert panel.panel.top >= 0 and panel.panel.bottom <= 720
        app.scenes.clear()


def test_three_long_hints_at_the_largest_size_get_room_instead_of_hiding(app, fake_level):  # noqa: F811
    app.settings.text_size = 2
    app.apply_settings()
    host = _enter(app, fake_level)
    long_hint = "Regarde bien chaque ligne du tableau et compare-la avec la suivante. " * 3
    host.texts.list = lambda key, **values: [long_hint] * 3 if key == "indices" else []
    for numero in (1, 2, 3):
        host.partie.jouer({"type": "indice", "numero": numero})
    panel = app.push("hints", host)
    close = find_button(panel, app.t("common.close"))
    assert all(rect.bottom < close.rect.top for kind, _n, _t, rect in panel.rows)


def test_the_kid_can_look_at_her_own_screen_during_the_question(app, fake_level):  # noqa: F811
    """Issue #19: the question is about the kid's run; the panel can step aside."""
    host = _enter(app, fake_level)
    for _ in range(2):
        host.partie.jouer({"type": "ajouter", "n": 5})
    host.finish()
    panel = top(app)
    panel.to_question()
    click(app, find_button(panel, app.t("scenes.question.peek")).rect.center)
    assert panel.peeking and panel.panel.height < 120  # only a bar: the level shows
    key(app, pygame.K_a)  # a frame: the level is drawn below the bar, not darkened
    assert panel.shade == 0 and not app.below_dimmed or panel.shade == 0
    key(app, pygame.K_ESCAPE)  # Échap: back to the question, nothing answered
    assert not panel.peeking and panel.answer is None and top(app) is panel
