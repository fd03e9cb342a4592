"""Things that show numbers: ProgressBar, LineChart, BarChart, HeatMap."""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from .base import ACTIVATE_KEYS, ARROWS, Widget, is_click
from .theme import get_font, mix


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
