"""The HeatMap: a grid of coloured cells, hover or arrow keys to read a value."""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from .chart_base import _LABEL_GAP, _CursorChart
from .theme import get_font


class HeatMap(_CursorChart):
    """A grid of numbers as colours, with row and column labels.

    The readout line names the hovered cell (or the keyboard cursor when focused):
    `readout(row_label, col_label, value) -> str`. Numbers are written in the cells
    when they fit. `log_scale` helps with very uneven counts.
    """

    focusable = True

    def __init__(
        self,
        theme,
        rect,
        row_labels,
        col_labels,
        values,
        title: str = "",
        readout: Callable[[str, str, float], str] | None = None,
        on_select: Callable[[int, int], None] | None = None,
        log_scale: bool = False,
        fmt: Callable[[float], str] | None = None,
        hint: str = "",
        tooltip=None,
    ):
        super().__init__(theme, rect, on_select, tooltip)
        self.row_labels, self.col_labels, self.values = list(row_labels), list(col_labels), values
        self.title, self.log_scale, self.hint = title, log_scale, hint
        # default: the theme's number, in the theme's language at draw time
        self.fmt = fmt or (lambda v: self.theme.format_number(v))
        self.readout = readout or (lambda r, col, v: f"{r} → {col} : {self.fmt(v)}")
        self._layout_key, self._layout_value = None, None

    def shape(self) -> tuple[int, int]:
        return len(self.row_labels), len(self.col_labels)

    def _layout(self):
        """(grid rect, cell size, label font size)."""
        return self.label_layout()[:3]

    def label_layout(self):
        """(grid rect, cell size, label font size, rows staggered, columns staggered).

        The labels keep a readable size (the tiny size, down to its readable minimum)
        whatever the cell size: their room beside and above the grid is measured at
        that size. When neighbouring labels would touch, every other one moves one
        step out (rows: a second column on the left; columns: a second line above).
        Only a map too small for that goes below the readable size.
        """
        theme = self.theme
        key = (
            tuple(self.rect),
            theme.text_size,
            tuple(map(str, self.row_labels)),
            tuple(map(str, self.col_labels)),
            bool(self.title),
        )
        if key != self._layout_key:
            sizes = range(theme.size("tiny"), theme.min_size("tiny") - 1, -1)
            tries = ((False, False), (False, True), (True, False), (True, True))
            found = next(
                (
                    layout
                    for stagger in tries
                    for size in sizes
                    if (layout := self._try_layout(size, *stagger))[5]
                ),
                None,
            )
            if found is None:  # a very small map: smaller still rather than overlapping
                small = [self._try_layout(size, True, True) for size in range(sizes[-1], 9, -1)]
                found = next((layout for layout in small if layout[5]), small[-1])
            self._layout_key, self._layout_value = key, found[:5]
        return self._layout_value

    def label_places(self) -> list[tuple[str, tuple[float, float], str, int, int]]:
        """Where the labels go: (text, position, anchor, 0 = row / 1 = column, index)."""
        grid, cell, size, stagger_rows, stagger_cols = self.label_layout()
        font = get_font(size)
        inner_w = max((font.size(str(s))[0] for s in self.row_labels[0::2]), default=0)
        places = []
        for r, label in enumerate(self.row_labels):
            x = grid.x - 4 - (inner_w + _LABEL_GAP if stagger_rows and r % 2 else 0)
            places.append((str(label), (x, grid.y + r * cell + cell / 2), "midright", 0, r))
        for k, label in enumerate(self.col_labels):
            y = grid.y - 1 - (font.get_height() if stagger_cols and k % 2 else 0)
            places.append((str(label), (grid.x + k * cell + cell / 2, y), "midbottom", 1, k))
        return places

    @staticmethod
    def _ink(font, text: str) -> tuple[float, float]:
        """Top and bottom of the letters' ink, from the centre of the drawn line."""
        metrics = [m for m in (font.metrics(text) or []) if m]
        if not metrics:
            return 0.0, 0.0
        base = font.get_ascent() - font.get_height() / 2
        return base - max(m[3] for m in metrics), base - min(m[2] for m in metrics)

    def _try_layout(self, size: int, stagger_rows: bool, stagger_cols: bool):
        """The layout with labels at `size`, and whether no two labels touch."""
        theme = self.theme
        rows, cols = self.shape()
        font = get_font(size)
        row_texts, col_texts = list(map(str, self.row_labels)), list(map(str, self.col_labels))
        row_w = [font.size(t)[0] for t in row_texts]
        if stagger_rows:
            label_w = max(row_w[0::2], default=0) + _LABEL_GAP + max(row_w[1::2], default=0)
        else:
            label_w = max(row_w, default=0)
        label_w = max(label_w, 8) + 6
        line = font.get_height()
        label_h = line * (2 if stagger_cols else 1) + 1
        top = self.rect.y + theme.pad + (theme.line_height("body") + 4 if self.title else 0)
        bottom = self.rect.bottom - theme.pad - theme.line_height("body") - 4
        avail_w = self.rect.w - 2 * theme.pad - label_w
        avail_h = bottom - top - label_h
        cell = max(4, min(avail_w // max(cols, 1), avail_h // max(rows, 1)))
        grid = pygame.Rect(0, 0, cell * cols, cell * rows)
        grid.topleft = (self.rect.x + theme.pad + label_w + (avail_w - grid.w) // 2, top + label_h)
        step = 2 if stagger_cols else 1
        col_w = [font.size(t)[0] for t in col_texts]
        fits = all(
            (col_w[k] + col_w[k + step]) / 2 + _LABEL_GAP <= step * cell for k in range(cols - step)
        )
        step = 2 if stagger_rows else 1
        ink = [self._ink(font, t) for t in row_texts] if fits else []
        fits = fits and all(
            ink[r][1] + 1 <= ink[r + step][0] + step * cell for r in range(rows - step)
        )
        return grid, cell, size, stagger_rows, stagger_cols, fits

    def item_at(self, pos) -> tuple[int, int] | None:
        grid, cell, _ = self._layout()
        if pos is None or not grid.collidepoint(pos):
            return None
        return int((pos[1] - grid.y) // cell), int((pos[0] - grid.x) // cell)

    def value(self, r: int, c: int) -> float:
        try:
            v = self.values[r][c]
        except (IndexError, TypeError):
            return 0
        return v if isinstance(v, (int, float)) and math.isfinite(v) else 0

    def _paint_cells(self, data, cell: int, label_size: int) -> pygame.Surface:
        """The coloured cells, their numbers if they fit, and the grid lines."""
        theme, c = self.theme, self.theme.colors
        rows, cols = len(data), len(data[0]) if data else 0
        surf = pygame.Surface((cols * cell + 1, rows * cell + 1))
        surf.fill(c.panel)
        top = max((v for row in data for v in row), default=0)
        texts = [[self.fmt(v) for v in row] for row in data]
        num_size = max(10, min(label_size, round(cell * 0.6)))
        widest = max((theme.render(t, num_size).get_width() for r in texts for t in r), default=0)
        show_numbers = widest <= cell - 3 and num_size >= 11

        def shade(v: float) -> float:  # 0..1 on the colour scale
            if top <= 0:
                return 0.0
            return math.log1p(max(0, v)) / math.log1p(top) if self.log_scale else v / top

        for r, row in enumerate(data):
            for k, v in enumerate(row):
                fill = theme.heat_color(shade(v))
                box = pygame.Rect(k * cell, r * cell, cell, cell)
                surf.fill(fill, box)
                if show_numbers and v:
                    theme.text(
                        surf, texts[r][k], box.center, num_size, theme.ink_on(fill), "center"
                    )
        for k in range(cols + 1):
            pygame.draw.line(surf, c.grid, (k * cell, 0), (k * cell, rows * cell), 1)
        for r in range(rows + 1):
            pygame.draw.line(surf, c.grid, (0, r * cell), (cols * cell, r * cell), 1)
        return surf

    def draw(self, surface) -> None:
        theme, c = self.theme, self.theme.colors
        theme.draw_panel(surface, self.rect, shadow=False)
        rows, cols = self.shape()
        grid, cell, label_size = self._layout()
        if self.title:
            box = pygame.Rect(
                self.rect.x + theme.pad,
                self.rect.y + theme.pad,
                self.rect.w - 2 * theme.pad,
                theme.line_height("body"),
            )
            theme.draw_text(surface, self.title, box, "body")
        data = tuple(tuple(self.value(r, k) for k in range(cols)) for r in range(rows))
        key = ("heatmap", data, cell, label_size, self.log_scale, self.fmt, theme.lang)
        surface.blit(theme.cached(key, lambda: self._paint_cells(data, cell, label_size)), grid)
        pygame.draw.rect(surface, c.panel_edge, grid.inflate(2, 2), 2)
        active = self.active
        for text, pos, anchor, axis, index in self.label_places():
            on = active is not None and active[axis] == index
            if axis == 1:  # above the grid: room for the tails of g, p, q, y
                pos = (pos[0], pos[1] - 2)
            theme.text_ink(surface, text, pos, label_size, c.accent if on else c.ink, anchor)
        line = pygame.Rect(
            self.rect.x + theme.pad,
            grid.bottom + 6,
            self.rect.w - 2 * theme.pad,
            theme.line_height("body"),
        )
        if active is not None:
            r, k = active
            box = pygame.Rect(grid.x + k * cell, grid.y + r * cell, cell, cell)
            pygame.draw.rect(surface, c.ink, box.inflate(4, 4), 3)
            pygame.draw.rect(surface, c.panel, box.inflate(-2, -2), 1)
            text = self.readout(str(self.row_labels[r]), str(self.col_labels[k]), self.value(r, k))
            theme.draw_text(surface, text, line, "body", c.ink, "center", "middle")
        elif self.hint:
            theme.draw_text(surface, self.hint, line, "small", c.ink_soft, "center", "middle")
