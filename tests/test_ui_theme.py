"""The theme on its own: the font cache across pygame.init/quit, numbers in the theme's
language, and the French thousands separator drawn as a visible gap."""

import os
import subprocess
import sys
import textwrap

import pygame
import pytest

from game import i18n, ui
from game.ui import theme as theme_module

# ---- the font cache ------------------------------------------------------------


def test_fonts_survive_init_quit_init_in_a_fresh_process():
    """A cached Font used after pygame.quit() + pygame.init() segfaulted: run it apart."""
    script = textwrap.dedent(
        """
        import pygame
        from game import ui
        from game.ui.theme import get_font

        theme = ui.Theme()
        for round in range(4):
            pygame.init()
            assert theme.render(f"Bonjour {round}", "body").get_width() > 0
            assert get_font(31).size("Bonjour")[0] > 0
            theme.configure()  # forget the rendered surfaces: the font is used again
            assert theme.text_height("Un texte assez long pour deux lignes", 80) > 0
            pygame.quit()
        pygame.font.init()  # fonts only, without pygame.init()
        assert theme.render("encore", "small").get_width() > 0
        pygame.font.quit()
        assert theme.render("et encore", "small").get_width() > 0
        print("ok")
        """
    )
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")


def test_the_cache_is_emptied_by_every_quit():
    for _round in range(3):
        pygame.init()
        theme_module.get_font(23)
        assert theme_module._FONTS
        pygame.quit()
        assert not theme_module._FONTS  # the quit hook ran, every time
    pygame.init()


def test_ink_fonts_and_pictures_die_with_every_quit():
    """pygame-ce: a freetype font kept across pygame.quit() raised « freetype module quit »
    in the next App; every cache of pygame objects is emptied by the quit hook."""
    from game.scenes import avatars, common
    from game.scenes.base import _SHADES

    for _round in range(3):
        pygame.init()
        surface = pygame.Surface((200, 60))
        theme = ui.Theme()
        theme.text_ink(surface, "Bonjour", (10, 10), "body")
        common.draw_text(theme, surface, "Salut", (0, 0, 100, 40))
        avatars.avatar_surface("cat", (200, 100, 50), 20)
        assert theme_module._INK_FONTS and common._TEXT_CACHE and avatars._CACHE
        pygame.quit()
        assert not theme_module._INK_FONTS
        assert not common._TEXT_CACHE and not avatars._CACHE and not _SHADES
    pygame.init()


def test_ink_text_draws_after_freetype_quit_and_init():
    pygame.init()
    surface = pygame.Surface((200, 60))
    theme = ui.Theme()
    theme.text_ink(surface, "avant", (10, 10), "body")
    import pygame.freetype as freetype

    freetype.quit()
    freetype.init()
    theme.text_ink(surface, "après", (10, 10), "body")  # raised on pygame-ce


def test_fonts_are_cached_by_size_and_path():
    pygame.init()
    assert theme_module.get_font(27) is theme_module.get_font(27)
    assert theme_module.get_font(27) is not theme_module.get_font(28)
    theme_module.clear_fonts()
    assert not theme_module._FONTS


# ---- numbers in the theme's language -------------------------------------------


@pytest.fixture
def theme():
    pygame.init()
    return ui.Theme()


def test_the_theme_formats_numbers_in_its_language(theme):
    assert theme.lang == "fr"
    assert theme.format_number(3.2, 1) == "3,2"
    assert theme.format_percent(0.97) == "97\u00a0%"
    theme.configure(lang="en")
    assert theme.format_number(3.2, 1) == "3.2"
    assert theme.format_number(26694) == "26,694"
    assert theme.format_percent(0.97) == "97%"
    theme.configure(lang="xx")  # unknown: French
    assert theme.lang == "fr"
    assert ui.Theme(lang="en").lang == "en"
    theme.configure(text_size=2)  # the language stays
    assert theme.lang == "fr"


def test_the_theme_language_does_not_follow_the_global_one(theme):
    i18n.set_language("en")
    try:
        assert theme.format_number(1.5, 1) == "1,5"
    finally:
        i18n.set_language("fr")


def _drawn_texts(theme):
    return {key[0] for key in theme._renders}


def test_widgets_write_numbers_in_the_theme_language(theme):
    surface = pygame.Surface((1280, 720))
    for lang, percent, decimal in (("fr", "97\u00a0%", "3,2"), ("en", "97%", "3.2")):
        theme.configure(lang=lang)
        ui.ProgressBar(theme, (10, 10, 300, 60), 0.97, "Progrès").draw(surface)
        chart = ui.BarChart(theme, (10, 100, 400, 300), ["a", "b"], [0.97, 0.03])
        chart.draw(surface)
        line = ui.LineChart(theme, (420, 100, 400, 300), "Perte")
        for y in (3.2, 3.0, 2.8):
            line.append(y)
        line.draw(surface)
        heat = ui.HeatMap(theme, (10, 420, 300, 290), ["a"], ["b"], [[3.2]])
        heat.fmt = lambda v, theme=theme: theme.format_number(v, 1)
        heat.draw(surface)
        slider = ui.Slider(theme, (840, 100, 300, 80), "Vitesse", 0, 1, 0.5, step=0.1)
        slider.draw(surface)
        drawn = _drawn_texts(theme)
        assert percent in drawn, (lang, sorted(drawn))
        assert decimal in drawn, (lang, sorted(drawn))
        assert ("0,5" if lang == "fr" else "0.5") in drawn
        assert not any((",5" if lang == "en" else "0.5") in text for text in drawn)


# ---- the thousands separator -----------------------------------------------------


def _on_white(text_surface):
    canvas = pygame.Surface(text_surface.get_size())
    canvas.fill((255, 255, 255))
    canvas.blit(text_surface, (0, 0))
    width, height = canvas.get_size()
    return [[canvas.get_at((x, y))[0] < 128 for y in range(height)] for x in range(width)]


@pytest.mark.parametrize("role", ["tiny", "body"])
def test_the_thousands_separator_is_a_visible_gap(theme, role):
    """« 26 694 »: a gap as wide as a space (U+202F was 1-2 px: « 26694 »), and no box."""
    grouped = theme.format_number(26694)
    assert grouped == f"26{i18n.THOUSANDS_SEP}694"
    font = theme.font(role)
    space = font.size(" ")[0]
    # what wrap() measures: U+202F measured half a space
    assert font.size(grouped)[0] - font.size("26694")[0] >= space - 1
    plain = _on_white(theme.render("26694", role, (0, 0, 0)))
    spaced = _on_white(theme.render(grouped, role, (0, 0, 0)))
    assert len(spaced) - len(plain) >= space - 1
    columns = [x for x, column in enumerate(spaced) if any(column)]
    gaps = [b - a - 1 for a, b in zip(columns, columns[1:], strict=False)]
    assert max(gaps) >= space - 1  # the widest gap is the separator
    ink = sum(map(sum, spaced))
    assert ink == sum(map(sum, plain))  # the same digits, no box drawn for the separator
