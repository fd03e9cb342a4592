"""What the charts share: tick values, number filtering and the hovered/keyboard cursor."""

from __future__ import annotations

import math

import pygame

from .base import ACTIVATE_KEYS, ARROWS, Widget, is_click


def nice_ticks(lo: float, hi: float, count: int = 4) -> list[float]:
    """Round tick values (1, 2, 5 × 10ⁿ) covering lo..hi."""
    if not hi > lo:
        return [lo]
    raw = (hi - lo) / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step - 1e-9) * step
    return [round(first + i * step, 10) for i in range(int((hi - first) / step + 1e-9) + 1)]


def _tick_label(theme, value: float, ticks: list[float]) -> str:
    step = abs(ticks[1] - ticks[0]) if len(ticks) > 1 else 1
    if not step:
        return theme.format_number(value, 2)
    return theme.format_number(value, max(0, -math.floor(math.log10(step))))


_LABEL_GAP = 4  # px at least between two numbers written side by side


def _finite(values) -> list[float]:
    return [v for v in values if isinstance(v, (int, float)) and math.isfinite(v)]


class _CursorChart(Widget):
    """Shared by BarChart and HeatMap: a hovered item and a keyboard cursor."""

    def __init__(self, theme, rect, on_select, tooltip):
        super().__init__(theme, rect, tooltip)
        self.on_select = on_select
        self.cursor: tuple[int, int] = (0, 0)  # (row, col); BarChart uses row 0

    def shape(self) -> tuple[int, int]:  # rows, cols
        raise NotImplementedError

    def item_at(self, pos) -> tuple[int, int] | None:
        raise NotImplementedError

    @property
    def active(self) -> tuple[int, int] | None:
        """The item to describe: under the mouse, else the cursor when focused."""
        rows, cols = self.shape()
        hit = self.item_at(self.mouse) if self.mouse is not None else None
        if hit is not None:
            return hit
        if self.focused and rows and cols:
            return min(self.cursor[0], rows - 1), min(self.cursor[1], cols - 1)
        return None

    def select(self, item) -> None:
        self.cursor = item
        if self.on_select is not None:
            self.on_select(*item)

    def on_event(self, event) -> bool:
        rows, cols = self.shape()
        if event.type == pygame.KEYDOWN and self.focused and rows and cols:
            if event.key in ARROWS:
                dx, dy = ARROWS[event.key]
                if rows == 1 and dy:
                    return False  # up / down leave a bar chart
                r, c = self.cursor
                self.cursor = (min(rows - 1, max(0, r + dy)), min(cols - 1, max(0, c + dx)))
                return True
            if event.key in ACTIVATE_KEYS and self.on_select is not None:
                self.select((min(self.cursor[0], rows - 1), min(self.cursor[1], cols - 1)))
                return True
        if is_click(event) and self.focusable:
            item = self.item_at(event.pos)
            if item is not None:
                self.select(item)
                return True
        return False
