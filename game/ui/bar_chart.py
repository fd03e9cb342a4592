"""The BarChart: one bar per item, hover or arrow keys to read a value."""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from .chart_base import _LABEL_GAP, _CursorChart, _finite
from .theme import get_font, mix


class BarChart(_CursorChart):
    """Vertical bars for values in 0..1 (probabilities), percentages on top.

    `highlight` is the index of the bar to stand out. With `on_select(index)` the
    chart becomes focusable: click a bar, or ← → then Entrée.
    `y_max=None` scales to the largest value; give 1.0 for an absolute scale.
    """

    def __init__(
        self,
        theme,
        rect,
        labels,
        values,
        highlight: int | None = None,
        title: str = "",
        on_select: Callable[[int], None] | None = None,
        y_max: float | None = None,
        fmt: Callable[[float], str] | None = None,
        tooltip=None,
    ):
        super().__init__(theme, rect, on_select, tooltip)
        self.labels, self.values = list(labels), list(values)
        self.highlight, self.title, self.y_max = highlight, title, y_max
        # default: the theme's percent, in the theme's language at draw time
        self.fmt = fmt or (lambda v: self.theme.format_percent(v))
        self.fmt_is_default = fmt is None
        self.focusable = on_select is not None
        self._numbers_key, self._numbers = None, {}

    def set_data(self, labels, values, highlight: int | None = None) -> None:
        self.labels, self.values, self.highlight = list(labels), list(values), highlight

    def shape(self) -> tuple[int, int]:
        return 1, min(len(self.labels), len(self.values))

    def select(self, item) -> None:
        self.cursor = item
        if self.on_select is not None:
            self.on_select(item[1])

    def plot_rect(self) -> pygame.Rect:
        theme = self.theme
        top = self.rect.y + theme.pad + theme.line_height("body") + 4 + theme.line_height("tiny")
        bottom = self.rect.bottom - theme.pad - theme.line_height("small")
        return pygame.Rect(
            self.rect.x + theme.pad, top, self.rect.w - 2 * theme.pad, max(4, bottom - top)
        )

    def bar_rect(self, i: int) -> pygame.Rect:
        plot, n = self.plot_rect(), max(1, self.shape()[1])
        slot = plot.w / n
        gap = max(2, round(slot * 0.18))
        top = max(self.y_max or 0, *_finite(self.values[:n]), 1e-9) if n else 1
        v = self.values[i] if math.isfinite(self.values[i]) else 0
        h = round(plot.h * min(1.0, max(0.0, v / top)))
        return pygame.Rect(
            round(plot.x + i * slot + gap / 2), plot.bottom - h, max(1, round(slot - gap)), h
        )

    def number_labels(self) -> dict[int, tuple[str, int, float]]:
        """The numbers written above the bars: index → (text, font size, centre x).

        Every bar gets its number when they all fit side by side, at the tiny size or
        smaller (never below the readable minimum), with fewer decimals if needed.
        Otherwise the highlighted bar and then the tallest ones get theirs, as long as
        no two touch: the readout names any bar the kid points at.
        """
        theme, n = self.theme, self.shape()[1]
        values = self.values[:n]
        texts = [self.fmt(v) for v in values]
        variants = [texts]
        if self.fmt_is_default:  # « 6,7 % » → « 7 % » (tiny shares keep « 0,4 % »)
            short = [
                theme.format_percent(v, 0) if _finite([v]) and v >= 0.005 else t
                for v, t in zip(values, texts, strict=True)
            ]
            if short != texts:
                variants.append(short)
        key = (tuple(texts), tuple(self.rect), theme.text_size, self.highlight)
        if self._numbers_key == key:
            return self._numbers
        if not n:
            return {}
        centres = [self.bar_rect(i).centerx for i in range(n)]
        lo, hi = self.rect.x + 4, self.rect.right - 4

        def spans(candidate, size, indices):
            font = get_font(size)
            out = {}
            for i in indices:
                w = font.size(candidate[i])[0]
                x = min(max(centres[i], lo + w / 2), hi - w / 2)
                out[i] = (x - w / 2, x + w / 2, x)
            return out

        def apart(a, b) -> bool:
            return a[1] + _LABEL_GAP <= b[0] or b[1] + _LABEL_GAP <= a[0]

        numbers: dict[int, tuple[str, int, float]] = {}
        for size in range(theme.size("tiny"), theme.min_size("tiny") - 1, -1):
            for candidate in variants:
                box = spans(candidate, size, range(n))
                if all(apart(box[i], box[i + 1]) for i in range(n - 1)):
                    numbers = {i: (candidate[i], size, box[i][2]) for i in range(n)}
                    break
            if numbers:
                break
        else:  # not all: the highlighted bar, then the tallest, never touching
            size, candidate = theme.min_size("tiny"), variants[-1]
            box = spans(candidate, size, range(n))

            def rank(i):
                return (i != self.highlight, -sum(_finite([values[i]])), i)

            for i in sorted(range(n), key=rank):
                if all(apart(box[i], box[j]) for j in numbers):
                    numbers[i] = (candidate[i], size, box[i][2])
        self._numbers_key, self._numbers = key, numbers
        return numbers

    def item_at(self, pos) -> tuple[int, int] | None:
        plot, n = self.plot_rect(), self.shape()[1]
        column = plot.inflate(0, 2 * self.theme.line_height("small"))
        if n and column.collidepoint(pos):
            return 0, min(n - 1, int((pos[0] - plot.x) / plot.w * n))
        return None

    def draw(self, surface) -> None:
        theme, c = self.theme, self.theme.colors
        theme.draw_panel(surface, self.rect, shadow=False)
        n = self.shape()[1]
        plot = self.plot_rect()
        active = self.active
        head = pygame.Rect(
            self.rect.x + theme.pad,
            self.rect.y + theme.pad,
            self.rect.w - 2 * theme.pad,
            theme.line_height("body"),
        )
        readout = f"{self.labels[active[1]]} : {self.fmt(self.values[active[1]])}" if active else ""
        readout_w = theme.font("body").size(readout)[0] + 10 if readout else 0
        theme.draw_text(
            surface, self.title, head.inflate(-readout_w * 2, 0).move(-readout_w, 0), "body"
        )
        if readout:
            theme.text(surface, readout, head.topright, "body", c.accent, "topright")
        pygame.draw.line(surface, c.ink_soft, plot.bottomleft, plot.bottomright, 2)
        numbers = self.number_labels()
        for i in range(n):
            bar = self.bar_rect(i)
            hot = i == self.highlight
            is_active = active is not None and active[1] == i
            color = c.accent if hot else mix(c.second, c.panel, 0.35)
            pygame.draw.rect(
                surface, color, bar, border_top_left_radius=5, border_top_right_radius=5
            )
            if hot or is_active:
                pygame.draw.rect(
                    surface, c.ink, bar.inflate(4, 4), 3 if hot else 2, border_radius=5
                )
            label_color = c.accent if hot else c.ink
            theme.text(
                surface,
                str(self.labels[i]),
                (bar.centerx, plot.bottom + 3),
                "small",
                label_color,
                "midtop",
            )
            if i in numbers:
                text, size, x = numbers[i]
                theme.text(surface, text, (x, bar.top - 2), size, c.ink, "midbottom")
