"""The widget kit, headless: what a player can see and do with mouse and keyboard."""

import random

import pygame
import pytest

from game import ui
from game.ui.demo import build_demo, render_demo


@pytest.fixture(autouse=True)
def _pygame():
    pygame.init()
    yield


@pytest.fixture
def theme():
    return ui.Theme()


def key(k, mod=0, unicode=""):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode, scancode=0)


def down(pos, button=1):
    return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button)


def up(pos, button=1):
    return pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button)


def move(pos):
    return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))


def typed(text):
    return pygame.event.Event(pygame.TEXTINPUT, text=text)


def click(target, pos):
    for event in (move(pos), down(pos), up(pos)):
        target.handle_event(event)


# ---- theme ----------------------------------------------------------------


def test_font_has_the_french_letters(theme):
    missing = pygame.image.tobytes(theme.render("\ue000", "body"), "RGB")
    for ch in "éèêàâçœùûîïôÉÀÇŒ«»’…":
        assert pygame.image.tobytes(theme.render(ch, "body"), "RGB") != missing, ch


def test_wrap_stays_inside_the_width(theme):
    text = "Le modèle devine la lettre suivante, comme le clavier T9 d'un vieux téléphone."
    lines = theme.wrap(text, 200)
    assert len(lines) > 1
    assert all(theme.font("body").size(line)[0] <= 200 for line in lines)
    assert " ".join(lines) == text
    assert theme.wrap("anticonstitutionnellement", 60)  # a word too long is cut
    assert theme.fit_text("oui", (0, 0, 200, 40)) and not theme.fit_text(text, (0, 0, 200, 40))


def test_text_sizes_grow(theme):
    sizes = [ui.Theme(text_size=s).line_height("body") for s in (0, 1, 2)]
    assert sizes[0] < sizes[1] < sizes[2]


@pytest.mark.parametrize("palette", [ui.NORMAL, ui.COLORBLIND])
def test_palettes_are_readable(palette):
    from game.ui.theme import contrast

    assert contrast(palette.ink, palette.bg) >= 7
    assert contrast(palette.ink, palette.panel) >= 7
    assert contrast(palette.ink_soft, palette.panel) >= 4.5
    assert contrast(palette.accent_ink, palette.accent) >= 4.5
    assert contrast(palette.tooltip_ink, palette.tooltip) >= 7
    assert contrast(palette.focus, palette.panel) >= 3


def test_french_number_formats():
    assert ui.format_percent(0.97, lang="fr") == "97\u00a0%"
    assert ui.format_percent(0.004, lang="fr") == "0,4\u00a0%"
    assert ui.format_number(1523.5, 1, lang="fr") == "1\u00a0523,5"
    assert ui.Theme().format_number(1523.5, 1) == "1\u00a0523,5"
    assert ui.Theme(lang="en").format_percent(0.004) == "0.4%"


# ---- buttons, focus -------------------------------------------------------


def test_clicking_a_button_calls_back(theme):
    calls = []
    button = ui.Button(theme, (10, 10, 100, 40), "OK", on_click=lambda: calls.append(1))
    click(button, (50, 30))
    assert calls == [1]
    button.handle_event(down((50, 30)))
    button.handle_event(up((500, 300)))  # released outside: cancelled
    assert calls == [1]
    button.enabled = False
    click(button, (50, 30))
    assert calls == [1]


def test_keyboard_activates_the_focused_button(theme):
    calls = []
    screen = ui.Container(theme)
    screen.add(ui.Button(theme, (10, 10, 100, 40), "OK", on_click=lambda: calls.append("ok")))
    screen.handle_event(key(pygame.K_RETURN))
    assert calls == []  # nothing focused yet
    screen.handle_event(key(pygame.K_TAB))
    screen.handle_event(key(pygame.K_RETURN))
    screen.handle_event(key(pygame.K_SPACE, unicode=" "))
    screen.handle_event(key(pygame.K_KP_ENTER))
    assert calls == ["ok"] * 3


def test_tab_cycles_focus_and_skips_what_cannot_be_focused(theme):
    screen = ui.Container(theme)
    a = screen.add(ui.Button(theme, (10, 10, 100, 40), "A"))
    screen.add(ui.Label(theme, (10, 60, 100, 40), "texte"))
    b = screen.add(ui.Button(theme, (10, 110, 100, 40), "B", enabled=False))
    c = screen.add(ui.Slider(theme, (10, 160, 200, 60), "C", 0, 10))
    d = screen.add(ui.TextField(theme, (10, 230, 200, 50)))
    seen = []
    for _ in range(4):
        assert screen.handle_event(key(pygame.K_TAB))
        seen.append(screen.focused)
    assert seen == [a, c, d, a]
    assert a.focused and not c.focused
    screen.handle_event(key(pygame.K_TAB, mod=pygame.KMOD_SHIFT))
    assert screen.focused is d and d.focused and not a.focused
    assert b not in seen


def test_arrows_move_between_buttons_and_escape_is_left_to_the_scene(theme):
    screen = ui.Container(theme)
    left = screen.add(ui.Button(theme, (10, 10, 100, 40), "G"))
    right = screen.add(ui.Button(theme, (200, 10, 100, 40), "D"))
    below = screen.add(ui.Button(theme, (10, 100, 100, 40), "B"))
    screen.focus.set(left)
    assert screen.handle_event(key(pygame.K_RIGHT)) and screen.focused is right
    assert not screen.handle_event(key(pygame.K_RIGHT))  # nothing further right
    assert screen.handle_event(key(pygame.K_LEFT)) and screen.focused is left
    assert screen.handle_event(key(pygame.K_DOWN)) and screen.focused is below
    assert not screen.handle_event(key(pygame.K_ESCAPE))


def test_clicking_focuses_and_clicking_outside_unfocuses(theme):
    screen = ui.Container(theme)
    field = screen.add(ui.TextField(theme, (10, 10, 200, 50)))
    click(screen, (50, 30))
    assert screen.focused is field and field.focused
    click(screen, (600, 600))
    assert screen.focused is None and not field.focused


def test_focus_ring_shows_after_keyboard_use(theme):
    screen = ui.Container(theme)
    button = screen.add(ui.Button(theme, (100, 100, 120, 50), "OK"))
    surface = pygame.Surface((400, 300))
    screen.handle_event(key(pygame.K_TAB))
    screen.draw(surface)
    ring = button.rect.inflate(10, 10)
    ring_pixels = [surface.get_at((ring.centerx, ring.top + dy))[:3] for dy in range(4)]
    assert theme.colors.focus in ring_pixels


def test_tooltip_after_hover_delay_and_at_once_on_keyboard_focus(theme):
    screen = ui.Container(theme)
    button = screen.add(ui.Button(theme, (10, 10, 100, 40), "?", tooltip="Aide"))
    screen.handle_event(move((20, 20)))
    screen.update(0.1)
    assert not screen.tooltip.shown
    screen.update(1.0)
    assert screen.tooltip.shown and screen.tooltip.target is button
    screen.handle_event(move((300, 300)))
    screen.update(0.01)
    assert not screen.tooltip.shown
    screen.handle_event(key(pygame.K_TAB))
    screen.update(0.01)
    assert screen.tooltip.shown
    screen.draw(pygame.Surface((400, 300)))


def test_tooltip_never_covers_its_control_nor_the_goal_line(theme):
    tip = ui.Tooltip(theme)
    screen = pygame.Rect(0, 0, 1280, 720)
    goal = pygame.Rect(0, 68, 1280, 34)  # the goal line under a top bar
    tip.avoid = [goal]
    bubble = pygame.Rect(0, 0, 300, 60)
    for control in (
        pygame.Rect(16, 10, 48, 48),  # top bar: below would hide the goal line
        pygame.Rect(600, 650, 200, 48),  # bottom: goes above
        pygame.Rect(1180, 300, 90, 48),  # right edge: clamped inside
        pygame.Rect(500, 300, 200, 48),
    ):
        box = tip.place(bubble.copy(), control, screen.inflate(-8, -8))
        assert screen.contains(box), (control, box)
        assert not box.colliderect(control) and not box.colliderect(goal), (control, box)
    # Nothing to avoid and room below: right under the control, as before.
    tip.avoid = []
    box = tip.place(bubble.copy(), pygame.Rect(500, 300, 200, 48), screen)
    assert box.top == 360 and box.centerx == 600


def test_tooltip_stays_inside_the_clip(theme):
    """A level's view draws clipped to its area: its bubbles show whole inside that area
    (here above the button, as there is no room below it before the clip's edge)."""
    screen = ui.Container(theme)
    screen.add(ui.Button(theme, (10, 340, 100, 40), "?", tooltip="Une aide " * 12))
    surface = pygame.Surface((400, 700))
    surface.fill((0, 0, 0))
    surface.set_clip(pygame.Rect(0, 100, 400, 300))
    screen.handle_event(key(pygame.K_TAB))
    screen.update(0.01)
    screen.draw(surface)
    surface.set_clip(None)
    bubble = theme.colors.tooltip
    above = [surface.get_at((x, y))[:3] for x in range(20, 380, 9) for y in range(230, 330, 5)]
    assert above.count(bubble) > 20
    outside = [surface.get_at((x, y))[:3] for x in range(0, 400, 7) for y in (99, 400, 500)]
    assert set(outside) == {(0, 0, 0)}


def test_toggle_by_mouse_and_keyboard(theme):
    values = []
    screen = ui.Container(theme)
    toggle = screen.add(ui.Toggle(theme, (10, 10, 200, 40), "Sons", on_change=values.append))
    click(screen, (20, 20))
    screen.handle_event(key(pygame.K_SPACE, unicode=" "))
    assert values == [True, False] and toggle.value is False


# ---- slider -----------------------------------------------------------------


def test_slider_drag_and_arrows_stay_in_bounds(theme):
    values = []
    slider = ui.Slider(theme, (100, 100, 200, 60), "Vitesse", 0, 10, 5, on_change=values.append)
    track = slider.track
    slider.handle_event(down((track.left + track.w // 2, track.centery)))
    slider.handle_event(move((track.right + 500, track.centery)))
    assert slider.value == 10
    slider.handle_event(move((track.left - 500, track.centery)))
    assert slider.value == 0
    slider.handle_event(up((0, 0)))
    slider.handle_event(move((track.right, track.centery)))  # not dragging any more
    assert slider.value == 0
    slider.focused = True
    slider.handle_event(key(pygame.K_RIGHT))
    slider.handle_event(key(pygame.K_RIGHT))
    assert slider.value == 2
    slider.handle_event(key(pygame.K_END))
    slider.handle_event(key(pygame.K_RIGHT))
    assert slider.value == 10
    slider.handle_event(key(pygame.K_PAGEDOWN))
    assert slider.value == 0
    assert values[-1] == 0 and all(0 <= v <= 10 for v in values)
    assert not slider.handle_event(key(pygame.K_UP))  # up/down are for moving focus


def test_slider_snaps_to_its_step(theme):
    slider = ui.Slider(theme, (0, 0, 300, 60), "lr", 0.001, 0.1, 0.01, step=0.001)
    slider.focused = True
    slider.handle_event(key(pygame.K_RIGHT))
    assert slider.value == pytest.approx(0.011) and slider.fmt(slider.value) == "0,011"


# ---- text field -------------------------------------------------------------


def test_text_field_takes_french_letters_from_textinput(theme):
    submitted = []
    field = ui.TextField(theme, (0, 0, 300, 50), on_submit=submitted.append, max_length=8)
    field.focused = True
    for text in ("L", "é", "a", "ç", "œ"):
        assert field.handle_event(typed(text))
    assert field.text == "Léaçœ"
    assert field.handle_event(key(pygame.K_BACKSPACE))
    assert field.text == "Léaç"
    field.handle_event(key(pygame.K_HOME))
    field.handle_event(key(pygame.K_RIGHT))
    field.handle_event(typed("è"))
    assert field.text == "Lèéaç"
    field.handle_event(key(pygame.K_END))
    field.handle_event(typed("abcdefgh"))  # max length 8
    assert field.text == "Lèéaçabc"
    field.handle_event(key(pygame.K_LEFT))
    field.handle_event(key(pygame.K_DELETE))
    assert field.text == "Lèéaçab"
    field.handle_event(key(pygame.K_RETURN))
    assert submitted == ["Lèéaçab"]


def test_text_field_keys_do_not_leak_to_the_scene(theme):
    field = ui.TextField(theme, (0, 0, 300, 50))
    assert not field.handle_event(typed("a"))  # not focused: ignored
    field.focused = True
    assert field.handle_event(key(pygame.K_a, unicode="a"))  # its TEXTINPUT follows
    assert not field.handle_event(key(pygame.K_ESCAPE, unicode="\x1b"))
    assert not field.handle_event(key(pygame.K_TAB, unicode="\t"))
    assert field.text == ""


def test_text_field_filter_and_composition(theme):
    field = ui.TextField(theme, (0, 0, 300, 50), allowed=str.isalpha)
    field.focused = True
    field.handle_event(pygame.event.Event(pygame.TEXTEDITING, text="^", start=0, length=1))
    assert field.composition == "^"
    field.handle_event(typed("ê"))
    field.handle_event(typed("1 !"))
    assert field.text == "ê" and field.composition == ""
    field.draw(pygame.Surface((400, 100)))


def test_ctrl_v_pastes_the_first_line_filtered_like_typing(theme, monkeypatch):
    """A homework code or a room code copied from an e-mail: Ctrl+V (Cmd+V on a Mac)."""
    from game import clipboard

    field = ui.TextField(theme, (0, 0, 300, 50), max_length=9, allowed=lambda c: c != "-")
    field.focused = True
    monkeypatch.setattr(clipboard, "read_text", lambda: "  K7QX-M2PA-4TZ\nsecond line\n")
    ctrl_v = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_v, mod=pygame.KMOD_LCTRL,
                                unicode="\x16", scancode=0)  # fmt: skip
    assert field.handle_event(ctrl_v)
    assert field.text == "K7QXM2PA4"  # dashes filtered, cut at max_length
    monkeypatch.setattr(clipboard, "read_text", lambda: None)  # nothing there: nothing changes
    field.handle_event(ctrl_v)
    assert field.text == "K7QXM2PA4"


# ---- draggable token ------------------------------------------------------------


def test_token_moves_by_drag_and_arrows_and_stays_in_bounds(theme):
    moves = []
    bounds = pygame.Rect(100, 100, 300, 200)
    token = ui.DraggableToken(theme, "e", (200, 200), bounds, on_move=moves.append)
    start = token.rect.center
    token.handle_event(down(start))
    token.handle_event(move((start[0] + 40, start[1] + 10)))
    assert token.rect.center == (start[0] + 40, start[1] + 10)
    token.handle_event(move((2000, -2000)))
    assert bounds.contains(token.rect) and token.rect.right == bounds.right
    assert moves == []  # reported when dropped
    token.handle_event(up((2000, -2000)))
    assert moves == [token] and token.fraction == (1.0, 0.0)
    token.focused = True
    before = token.rect.x
    assert token.handle_event(key(pygame.K_LEFT))
    assert token.rect.x == before - token.step
    for _ in range(100):
        token.handle_event(key(pygame.K_UP))
    assert bounds.contains(token.rect)
    token.set_fraction(0.5, 0.5)
    assert token.rect.center == pytest.approx(bounds.center, abs=1)


# ---- charts -------------------------------------------------------------------


@pytest.mark.parametrize("n", [0, 1, 2, 5000])
def test_line_chart_draws_any_number_of_points(theme, n):
    chart = ui.LineChart(theme, (0, 0, 400, 250), "Perte", ("train", "val"), 2.4, "bigramme")
    for i in range(n):
        chart.append(3 - i / max(n, 1))
        if i % 10 == 0:
            chart.append(3.1 - i / max(n, 1), "val", x=i)
    chart.append(float("nan"))
    chart.draw(pygame.Surface((400, 250)))
    lo, hi = chart.y_range()
    assert lo < 2.4 < hi


def test_bar_chart_keyboard_and_mouse_selection(theme):
    picked = []
    chart = ui.BarChart(
        theme,
        (0, 0, 300, 200),
        "uaie",
        [0.9, 0.05, 0.03, 0.02],
        highlight=0,
        on_select=picked.append,
    )
    assert chart.focusable
    chart.focused = True
    chart.handle_event(key(pygame.K_RIGHT))
    chart.handle_event(key(pygame.K_RETURN))
    bar = chart.bar_rect(3)
    click(chart, (bar.centerx, chart.plot_rect().bottom - 2))
    assert picked == [1, 3]
    chart.draw(pygame.Surface((300, 200)))
    ui.BarChart(theme, (0, 0, 300, 200), [], []).draw(pygame.Surface((300, 200)))


def test_heat_map_readout_follows_the_mouse_and_the_cursor(theme):
    letters = [*"abcdefghijklmnopqrstuvwxyz", "."]
    counts = [[(r * 7 + c * 3) % 50 for c in range(27)] for r in range(27)]
    heat = ui.HeatMap(theme, (0, 0, 520, 520), letters, letters, counts)
    grid, cell, label_size = heat._layout()
    assert cell >= 14 and grid.w <= 520 and label_size >= 11  # legible at 520 px
    heat.handle_event(move((grid.x + 16 * cell + 2, grid.y + 20 * cell + 2)))
    assert heat.active == (20, 16)
    assert heat.readout("u", "q", heat.value(20, 16)) == f"u → q : {counts[20][16]}"
    heat.handle_event(move((-5, -5)))
    assert heat.active is None
    heat.focused = True
    heat.handle_event(key(pygame.K_DOWN))
    heat.handle_event(key(pygame.K_RIGHT))
    assert heat.active == (1, 1)
    heat.draw(pygame.Surface((520, 520)))


LETTERS = [".", *"abcdefghijklmnopqrstuvwxyz"]


def _masks(theme, places, size, shape):
    """One mask per drawn text: its ink on a `shape` page."""
    masks = []
    for text, pos, anchor, *_ in places:
        page = pygame.Surface(shape, pygame.SRCALPHA)
        theme.text(page, text, pos, size, (0, 0, 0), anchor)
        masks.append(pygame.mask.from_surface(page))
    return masks


@pytest.mark.parametrize("text_size", [0, 1, 2])
@pytest.mark.parametrize("size", [(500, 495), (520, 540), (300, 300)])
def test_heat_map_labels_stay_readable_and_never_touch(text_size, size):
    theme = ui.Theme(text_size)
    heat = ui.HeatMap(theme, (0, 0, *size), LETTERS, LETTERS, [[1] * 27] * 27, title="Le tableau")
    grid, cell, label_size = heat._layout()
    if size != (300, 300):  # the room a 27×27 table gets (about 520×540 at most)
        assert label_size >= theme.min_size("tiny")  # never tied to a small cell
    places = heat.label_places()
    masks = _masks(theme, places, label_size, (size[0] + 40, size[1] + 40))
    for i, a in enumerate(masks):
        for b in masks[i + 1 :]:
            assert not a.overlap(b, (0, 0))
    for text, (x, y), anchor, axis, _ in places:  # beside the grid, inside the widget
        box = theme.render(text, label_size).get_rect(**{anchor: (round(x), round(y))})
        assert heat.rect.contains(box)
        assert box.right <= grid.x - 2 if axis == 0 else box.bottom <= grid.y
    assert grid.w <= size[0] and cell >= 4


@pytest.mark.parametrize("text_size", [0, 1, 2])
@pytest.mark.parametrize("n", [5, 8, 15, 27])
def test_bar_chart_numbers_never_touch(text_size, n):
    theme = ui.Theme(text_size, lang="en")
    values = [1 / 15] * n if n != 15 else [0.3, 0.2, *[0.067] * 5, *[0.004] * 8]
    chart = ui.BarChart(theme, (0, 0, 320, 220), [str(i) for i in range(n)], values, highlight=2)
    numbers = chart.number_labels()
    assert 2 in numbers  # the highlighted bar always says its number
    spans = []
    for _, (text, size, x) in sorted(numbers.items()):
        assert size >= theme.min_size("tiny")
        w = theme.render(text, size).get_width()
        spans.append((x - w / 2, x + w / 2))
        assert chart.rect.x <= x - w / 2 and x + w / 2 <= chart.rect.right
    assert all(a[1] + 2 <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    chart.draw(pygame.Surface((320, 220)))


def test_bar_chart_numbers_all_show_when_they_fit(theme):
    chart = ui.BarChart(theme, (0, 0, 500, 200), list("abc"), [0.5, 0.25, 0.125])
    expected = [theme.format_percent(v) for v in (0.5, 0.25, 0.125)]
    assert [t for t, _, _ in chart.number_labels().values()] == expected


@pytest.mark.parametrize("text_size", [0, 2])
def test_progress_bar_percentage_reads_over_the_fill(text_size):
    theme = ui.Theme(text_size)
    bar = ui.ProgressBar(theme, (0, 0, 210, 34), 1.0)
    page = pygame.Surface((210, 34))
    bar.draw(page)
    on_fill = theme.ink_on(theme.colors.good)
    colours = {tuple(page.get_at((x, y)))[:3] for x in range(8, 202) for y in range(4, 30)}
    assert on_fill in colours  # the text is written in the fill's ink…
    assert theme.colors.ink not in colours  # …not in the dark ink that vanishes on green


def test_progress_bar_clamps(theme):
    for value in (-1, 0, 0.5, 1, 7, float("nan")):
        ui.ProgressBar(theme, (0, 0, 300, 60), value, "Objectif", goal=0.8).draw(
            pygame.Surface((300, 60))
        )


# ---- everything, every look ------------------------------------------------------


@pytest.mark.parametrize("text_size", [0, 1, 2])
@pytest.mark.parametrize("colorblind", [False, True])
def test_every_widget_draws_at_every_size_and_palette(text_size, colorblind):
    theme = ui.Theme(text_size, colorblind)
    screen = build_demo(theme)
    kinds = {type(w).__name__ for w in screen.widgets}
    assert kinds >= {
        "Button",
        "Toggle",
        "Slider",
        "TextField",
        "Panel",
        "Label",
        "ProgressBar",
        "LineChart",
        "BarChart",
        "HeatMap",
        "DraggableToken",
    }
    surface = pygame.Surface((1280, 720))
    for _ in range(len(screen.widgets)):
        screen.handle_event(key(pygame.K_TAB))
        screen.update(0.6)
        theme.draw_background(surface)
        screen.draw(surface)
    for widget in screen.widgets:  # draw never changes state
        before = dict(vars(widget))
        widget.draw(surface)
        assert dict(vars(widget)) == before, type(widget).__name__


def test_theme_changes_apply_to_existing_widgets():
    theme = ui.Theme()
    label = ui.Label(theme, (0, 0, 300, 200), "Bonjour")
    small = theme.line_height()
    theme.configure(text_size=2, colorblind=True)
    assert theme.line_height() > small and theme.colors is ui.COLORBLIND
    label.draw(pygame.Surface((300, 200)))


def test_random_events_never_raise():
    rng = random.Random(1234)
    theme = ui.Theme(1)
    screen = build_demo(theme)
    surface = pygame.Surface((1280, 720))
    keys = [
        pygame.K_TAB,
        pygame.K_RETURN,
        pygame.K_SPACE,
        pygame.K_LEFT,
        pygame.K_RIGHT,
        pygame.K_UP,
        pygame.K_DOWN,
        pygame.K_HOME,
        pygame.K_END,
        pygame.K_BACKSPACE,
        pygame.K_DELETE,
        pygame.K_PAGEUP,
        pygame.K_PAGEDOWN,
        pygame.K_ESCAPE,
        pygame.K_a,
    ]

    def pos():
        return (rng.randint(-50, 1330), rng.randint(-50, 770))

    makers = [
        lambda: key(rng.choice(keys), rng.choice([0, pygame.KMOD_SHIFT])),
        lambda: move(pos()),
        lambda: down(pos(), rng.choice([1, 1, 1, 3, 4, 5])),
        lambda: up(pos(), rng.choice([1, 1, 3])),
        lambda: typed(rng.choice(["é", "ç", "œ", "a", "«", " ", "Lina"])),
        lambda: pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-1, 1]), flipped=False),
        lambda: pygame.event.Event(pygame.TEXTEDITING, text="^", start=0, length=1),
        lambda: pygame.event.Event(pygame.KEYUP, key=rng.choice(keys), mod=0),
        lambda: pygame.event.Event(pygame.WINDOWLEAVE),
    ]
    for i in range(2000):
        screen.handle_event(rng.choice(makers)())
        screen.update(rng.random() * 0.2)
        if i % 50 == 0:
            screen.draw(surface)
    for widget in screen.widgets:
        if isinstance(widget, ui.DraggableToken):
            assert widget.bounds.contains(widget.rect)
        if isinstance(widget, ui.Slider):
            assert widget.min <= widget.value <= widget.max


def test_demo_renders(tmp_path):
    out = tmp_path / "demo.png"
    render_demo(str(out), text_size=2, colorblind=True)
    assert pygame.image.load(str(out)).get_size() == (1280, 720)
