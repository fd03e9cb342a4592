"""Things that show numbers: ProgressBar, LineChart (BarChart, HeatMap re-exported)."""

from __future__ import annotations

import math

import pygame

from .bar_chart import BarChart  # noqa: F401
from .base import Widget
from .chart_base import _LABEL_GAP, _CursorChart, _finite, _tick_label, nice_ticks  # noqa: F401
from .heat_map import HeatMap  # noqa: F401
from .theme import get_font


class ProgressBar(Widget):
    """A bar from 0 to 1 with an optional label above and a goal marker (0..1)."""

    def __init__(self, theme, rect, value: float = 0.0, label: str = "", goal=None, color=None):
        super().__init__(theme, rect)
        self.value, self.label, self.goal, self.color = value, label, goal, color

    def draw(self, surface) -> None:
        theme, c = self.theme, self.theme.colors
        bar = self.rect.copy()
        if self.label:
            label_h = min(theme.line_height("body"), self.rect.h // 2)
            top = pygame.Rect(bar.x, bar.y, bar.w, label_h)
            theme.draw_text(surface, self.label, top, "body", c.ink, "left", "middle")
            bar.top, bar.height = top.bottom + 4, bar.height - label_h - 4
        value = min(1.0, max(0.0, self.value if math.isfinite(self.value) else 0.0))
        radius = min(theme.radius, bar.h // 2)
        pygame.draw.rect(surface, c.panel, bar, border_radius=radius)
        fill = bar.copy()
        fill.width = round(bar.w * value)
        fill_color = self.color or c.good
        if fill.width:
            pygame.draw.rect(surface, fill_color, fill, border_radius=radius)
        pygame.draw.rect(surface, c.panel_edge, bar, 2, border_radius=radius)
        if self.goal is not None:
            x = bar.x + round(bar.w * min(1.0, max(0.0, self.goal)))
            pygame.draw.line(surface, c.ink, (x, bar.y - 4), (x, bar.bottom + 3), 3)
            pygame.draw.polygon(
                surface, c.ink, [(x - 7, bar.y - 10), (x + 7, bar.y - 10), (x, bar.y - 2)]
            )
        # The percentage is written in two inks: the part over the filled bar in the
        # ink that reads on the fill, the rest in the ink that reads on the empty bar.
        text = theme.format_percent(value)
        box = bar.inflate(-16, 0)
        empty = pygame.Rect(fill.right, bar.y, bar.right - fill.right, bar.h)
        clip = surface.get_clip()
        for part, ink in ((fill, theme.ink_on(fill_color)), (empty, theme.ink_on(c.panel))):
            part = part.clip(clip)
            if part.w > 0 and part.h > 0:
                surface.set_clip(part)
                theme.draw_text(surface, text, box, "small", ink, "right", "middle")
        surface.set_clip(clip)


class LineChart(Widget):
    """Curves that grow live (e.g. the loss while training), auto y-range.

    `append(y, name=None, x=None)` adds a point to a series (the first one by
    default); x defaults to the point's index, give it when a series is sampled
    less often (validation loss every 10 steps). `reference` draws a dashed
    horizontal line with `reference_label` (e.g. the kid's bigram loss).
    """

    def __init__(
        self,
        theme,
        rect,
        title: str = "",
        series=("",),
        reference: float | None = None,
        reference_label: str = "",
        x_label: str = "",
        empty_text: str = "",
        tooltip=None,
    ):
        super().__init__(theme, rect, tooltip)
        self.title, self.x_label, self.empty_text = title, x_label, empty_text
        self.reference, self.reference_label = reference, reference_label
        self.series: dict[str, list[tuple[float, float]]] = {name: [] for name in series}

    def append(self, y: float, name: str | None = None, x: float | None = None) -> None:
        name = next(iter(self.series), "") if name is None else name
        points = self.series.setdefault(name, [])
        if isinstance(y, (int, float)) and math.isfinite(y):
            points.append((len(points) if x is None else x, y))

    def extend(self, values, name: str | None = None) -> None:
        for y in values:
            self.append(y, name)

    def clear(self) -> None:
        for points in self.series.values():
            points.clear()

    def x_max(self) -> float:
        return max((p[0] for pts in self.series.values() for p in pts), default=0) or 1

    def y_range(self) -> tuple[float, float]:
        values = [p[1] for pts in self.series.values() for p in pts]
        values += _finite([self.reference]) if self.reference is not None else []
        if not values:
            return 0.0, 1.0
        lo, hi = min(values), max(values)
        pad = (hi - lo) * 0.08 or max(abs(hi) * 0.1, 0.5)
        return lo - pad, hi + pad

    def _layout(self):
        """(title lines, legend font size, legend items, plot rect).

        When the text is big and the plot would get squashed, the title keeps one
        line and the legend uses the tiny font.
        """
        theme, c = self.theme, self.theme.colors
        items = [(n, c.series[i % len(c.series)], False) for i, n in enumerate(self.series) if n]
        if self.reference is not None and self.reference_label:
            items.append((self.reference_label, c.ink, True))
        width = self.rect.w - 2 * theme.pad
        for max_lines, role in ((2, "small"), (1, "tiny")):
            title = theme.wrap(self.title, width, "body")[:max_lines] if self.title else []
            if (
                len(title) == max_lines
                and self.title
                and title != theme.wrap(self.title, width, "body")
            ):
                title[-1] = title[-1].rstrip(".") + "…"
            size, font = theme.size(role), theme.font(role)
            legend, x, row = [], 0, 0  # (x, row, name, colour, dashed)
            for name, color, dashed in items:
                w = 30 + font.size(name)[0]
                if x and x + w > width:
                    x, row = 0, row + 1
                legend.append((x, row, name, color, dashed))
                x += w + 18
            top = self.rect.y + theme.pad + len(title) * theme.line_height("body") + 4
            if legend:
                top += (row + 1) * font.get_linesize() + 6
            bottom = self.rect.bottom - theme.pad - theme.line_height("tiny")
            left = self.rect.x + theme.pad + theme.font("tiny").size("0,00")[0] + 8
            plot = pygame.Rect(left, top, self.rect.right - theme.pad - left, max(10, bottom - top))
            if plot.h >= self.rect.h * 0.45:
                break
        return title, size, legend, plot

    def plot_rect(self) -> pygame.Rect:
        return self._layout()[3]

    def draw(self, surface) -> None:
        theme, c = self.theme, self.theme.colors
        theme.draw_panel(surface, self.rect, shadow=False)
        title, size, legend, plot = self._layout()
        x, y = self.rect.x + theme.pad, self.rect.y + theme.pad
        for line in title:
            theme.text(surface, line, (x, y), "body")
            y += theme.line_height("body")
        y += 4
        line_h = get_font(size).get_linesize()
        for lx, row, name, color, dashed in legend:
            ly = y + row * line_h
            mid = ly + line_h // 2
            for dx in (0, 14) if dashed else (0,):
                end = x + lx + dx + (10 if dashed else 24)
                pygame.draw.line(surface, color, (x + lx + dx, mid), (end, mid), 4)
            theme.text(surface, name, (x + lx + 30, ly), size, c.ink)
        lo, hi = self.y_range()
        x_max = self.x_max()

        def to_xy(px: float, py: float) -> tuple[float, float]:
            return plot.x + px / x_max * plot.w, plot.bottom - (py - lo) / (hi - lo) * plot.h

        ticks = nice_ticks(lo, hi)
        for t in ticks:
            ty = to_xy(0, t)[1]
            pygame.draw.line(surface, c.grid, (plot.x, ty), (plot.right, ty), 1)
            theme.text(
                surface,
                _tick_label(theme, t, ticks),
                (plot.x - 6, ty),
                "tiny",
                c.ink_soft,
                "midright",
            )
        pygame.draw.line(surface, c.ink_soft, plot.bottomleft, plot.bottomright, 2)
        pygame.draw.line(surface, c.ink_soft, plot.topleft, plot.bottomleft, 2)
        below = plot.bottom + 2
        theme.text(surface, "0", (plot.x, below), "tiny", c.ink_soft, "midtop")
        if x_max > 1:
            theme.text(
                surface,
                theme.format_number(x_max),
                (plot.right, below),
                "tiny",
                c.ink_soft,
                "topright",
            )
        if self.x_label:
            theme.text(
                surface,
                self.x_label,
                (plot.centerx, below),
                "tiny",
                c.ink_soft,
                "midtop",
            )
        if self.reference is not None and math.isfinite(self.reference):
            self._draw_reference(surface, plot, to_xy(0, self.reference)[1])
        if not any(self.series.values()) and self.empty_text:
            box = plot.inflate(-20, -20)
            if self.reference is not None and math.isfinite(self.reference):
                # never under the dashed line: the larger side of it
                ref_y = round(to_xy(0, self.reference)[1])
                above = pygame.Rect(box.x, box.y, box.w, max(0, ref_y - 10 - box.y))
                below = pygame.Rect(box.x, ref_y + 10, box.w, max(0, box.bottom - ref_y - 10))
                box = above if above.h >= below.h else below
            theme.draw_text(
                surface,
                self.empty_text,
                box,
                "small",
                c.ink_soft,
                "center",
                "middle",
            )
        for i, points in enumerate(self.series.values()):
            color = c.series[i % len(c.series)]
            stride = max(1, len(points) // plot.w)
            pts = [to_xy(*p) for p in points[::stride] + points[-1:]]
            if len(pts) > 2:
                pygame.draw.lines(surface, color, False, pts, 3)
            if pts:
                pygame.draw.circle(surface, color, pts[-1], 6)
                pygame.draw.circle(surface, c.panel, pts[-1], 6, 2)

    def _draw_reference(self, surface, plot, ry) -> None:
        """Dashed line (its name is in the legend, so it never hides a curve)."""
        for x in range(plot.x, plot.right, 18):
            pygame.draw.line(
                surface, self.theme.colors.ink, (x, ry), (min(x + 10, plot.right), ry), 3
            )
