"""A screen with every widget, to look at the kit.

python -m game.ui.demo                      # writes /tmp/ui_demo.png (headless)
python -m game.ui.demo --text-size 2 --colorblind --out /tmp/ui_demo_big.png
python -m game.ui.demo --window             # play with it (needs a display)
"""

from __future__ import annotations

import argparse
import math
import os
import random

import pygame

from . import (
    BarChart,
    Button,
    Container,
    DraggableToken,
    HeatMap,
    Label,
    LineChart,
    Panel,
    ProgressBar,
    Slider,
    TextField,
    Theme,
    Toggle,
)

SIZE = (1280, 720)
NAMES = """emma jade louise alice chloe lina rose anna mila ambre julia lea mia agathe inaya
gabriel leo raphael arthur louis jules adam mael lucas hugo noah liam sacha paul nathan
aaron eden tom theo timeo nael maxime enzo yanis victor quentin"""
LETTERS = [*"abcdefghijklmnopqrstuvwxyz", "."]


def bigram_counts() -> list[list[int]]:
    idx = {ch: i for i, ch in enumerate(LETTERS)}
    counts = [[0] * 27 for _ in range(27)]
    for name in NAMES.split():
        word = "." + name + "."
        for a, b in zip(word, word[1:], strict=False):
            counts[idx[a]][idx[b]] += 1
    return counts


def build_demo(theme: Theme) -> Container:
    """All the widgets on one 1280×720 screen."""
    ui = Container(theme)
    ui.add(
        Label(theme, (88, 10, 800, 56), "La boîte à outils de Tuto LLM", "title", valign="middle")
    )
    h, gap, row = theme.control_height, 10, theme.line_height("body") + 14
    # column A: the controls
    panel = ui.add(Panel(theme, (88, 74, 316, 632), "Commandes"))
    box = panel.content_rect
    x, w, y = box.x, box.w, box.y
    bar = ProgressBar(theme, (770, 632, 494, 70), 0.62, "Objectif : perte sous 2,5", goal=0.8)

    def grow() -> None:
        bar.value = min(1.0, bar.value + 0.05)

    ui.add(Button(theme, (x, y, w, h), "Entraîner", grow, icon="play", tooltip="50 pas d'un coup"))
    y += h + gap
    aide = Button(
        theme,
        (x + h + 8 + gap, y, w - h - 8 - gap, h),
        "Aide",
        icon="?",
        style="secondary",
        tooltip="Glisse les lettres : celles qui se ressemblent vont ensemble.",
    )
    ui.add(
        Button(theme, (x, y, h + 8, h), "", icon="pause", style="secondary", tooltip="Pause"), aide
    )
    y += h + gap
    ui.add(Button(theme, (x, y, w, h), "Recommencer", style="danger"))
    y += h + gap
    ui.add(
        Button(
            theme,
            (x, y, w, h),
            "Niveau suivant",
            icon="lock",
            enabled=False,
            tooltip="Atteins d'abord l'objectif !",
        )
    )
    y += h + gap
    ui.add(Toggle(theme, (x, y, w, row), "Sons", True))
    y += row + gap // 2
    ui.add(Toggle(theme, (x, y, w, row), "Grands textes", False))
    y += row + gap
    slider_h = theme.line_height("body") + 36
    ui.add(Slider(theme, (x, y, w, slider_h), "Vitesse", 0.001, 0.1, 0.01, step=0.001))
    y += slider_h + gap
    ui.add(TextField(theme, (x, y, w, h), placeholder="Écris un prénom…", max_length=16))
    # column B: charts and the board
    board_h = theme.line_height("heading") * 2 + 70  # title + a token + margins
    rng = random.Random(3)
    chart = ui.add(
        LineChart(
            theme,
            (420, 74, 330, 276),
            "Perte pendant l'entraînement",
            ("entraînement", "validation"),
            reference=2.45,
            reference_label="ta ligne bigramme",
            x_label="pas",
        )
    )
    for step in range(120):
        base = 2.2 + 1.1 * math.exp(-step / 25)
        chart.append(base + rng.uniform(-0.08, 0.08))
        if step % 10 == 0:
            chart.append(base + 0.08, "validation", x=step)
    ui.add(
        BarChart(
            theme,
            (420, 362, 330, 344 - board_h - 12),
            ["u", "a", "i", "e", "."],
            [0.93, 0.03, 0.02, 0.015, 0.005],
            highlight=0,
            title="Après « q » :",
            on_select=lambda i: None,
        )
    )
    board = ui.add(Panel(theme, (420, 706 - board_h, 330, board_h), "Le tableau"))
    b = board.content_rect
    for i, ch in enumerate("aeqz"):
        ui.add(
            DraggableToken(theme, ch, (b.x + 30 + i * 76, b.centery), b, tooltip=f"La lettre {ch}")
        )
    # column C: the 27×27 bigram table at ~520 px, and a progress bar
    labels = [*LETTERS[:26], "·"]
    ui.add(
        HeatMap(
            theme,
            (762, 74, 510, 546),
            labels,
            labels,
            bigram_counts(),
            "Lettre suivante : combien de fois ?",
            log_scale=True,
            hint="Survole une case",
            readout=lambda r, c, v: f"après « {r} » vient « {c} » : {v} fois",
        )
    )
    ui.add(bar)
    return ui


def render_demo(path: str, text_size: int = 0, colorblind: bool = False) -> None:
    """Draw the demo with a tooltip, a focus ring and a hovered heat-map cell."""
    pygame.init()
    theme = Theme(text_size, colorblind)
    surface = pygame.Surface(SIZE)
    ui = build_demo(theme)
    aide = next(w for w in ui.widgets if getattr(w, "label", "") == "Aide")
    for _ in range(7):  # Tab to the slider: the focus ring shows
        ui.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=0, unicode="\t"))
    cell = next(w for w in ui.widgets if isinstance(w, HeatMap))
    grid, size, _ = cell._layout()
    ui.handle_event(
        pygame.event.Event(
            pygame.MOUSEMOTION,
            pos=(grid.x + 20 * size + 3, grid.y + 16 * size + 3),
            rel=(0, 0),
            buttons=(0, 0, 0),
        )
    )
    ui.update(1.0)
    ui.handle_event(
        pygame.event.Event(pygame.MOUSEMOTION, pos=aide.rect.center, rel=(0, 0), buttons=(0, 0, 0))
    )
    cell.mouse = (grid.x + 20 * size + 3, grid.y + 16 * size + 3)  # keep the heat map readout
    ui.update(0.1)
    ui.update(1.0)  # long enough for the tooltip
    theme.draw_background(surface)
    ui.draw(surface)
    pygame.image.save(surface, path)


def run_window(text_size: int, colorblind: bool) -> None:
    """Interactive demo: the logical 1280×720 surface scaled to the window."""
    pygame.init()
    window = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
    theme = Theme(text_size, colorblind)
    ui, surface, clock = build_demo(theme), pygame.Surface(SIZE), pygame.time.Clock()
    while True:
        dt = clock.tick(60) / 1000
        sx, sy = SIZE[0] / window.get_width(), SIZE[1] / window.get_height()
        for event in pygame.event.get():
            if event.type == pygame.QUIT or (
                event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE
            ):
                return
            if hasattr(event, "pos"):
                attrs = dict(event.dict, pos=(event.pos[0] * sx, event.pos[1] * sy))
                event = pygame.event.Event(event.type, attrs)
            ui.handle_event(event)
        ui.update(dt)
        theme.draw_background(surface)
        ui.draw(surface)
        pygame.transform.smoothscale(surface, window.get_size(), window)
        pygame.display.flip()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="/tmp/ui_demo.png")
    parser.add_argument("--text-size", type=int, default=0, choices=(0, 1, 2))
    parser.add_argument("--colorblind", action="store_true")
    parser.add_argument("--window", action="store_true")
    args = parser.parse_args(argv)
    if args.window:
        run_window(args.text_size, args.colorblind)
    else:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        render_demo(args.out, args.text_size, args.colorblind)
        print(args.out)


if __name__ == "__main__":
    main()
