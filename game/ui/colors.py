"""The two colour palettes (normal, colour-blind safe) and the colour maths (contrast, mix)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Palette:
    """Colours by role. Both palettes have exactly the same role names."""

    bg: tuple  # the notebook page
    grid: tuple  # faint squares on the page
    margin: tuple  # the red margin line of a French notebook
    panel: tuple  # cards, boxes
    panel_edge: tuple
    ink: tuple  # main text
    ink_soft: tuple  # secondary text (still ≥ 4.5:1 on panel)
    accent: tuple  # main buttons, highlighted bar
    accent_hover: tuple
    accent_ink: tuple  # text on accent
    second: tuple  # secondary buttons' edge, second chart series
    good: tuple
    bad: tuple
    warn: tuple
    focus: tuple  # the focus ring, distinct from everything else
    disabled: tuple
    disabled_ink: tuple
    tooltip: tuple
    tooltip_ink: tuple
    series: tuple  # chart line colours, in order
    heat: tuple  # colour scale for heat maps, low → high


NORMAL = Palette(
    bg=(251, 246, 234),
    grid=(220, 230, 243),
    margin=(240, 170, 170),
    panel=(255, 253, 247),
    panel_edge=(58, 66, 92),
    ink=(31, 38, 61),
    ink_soft=(84, 92, 112),
    accent=(196, 78, 28),
    accent_hover=(219, 99, 45),
    accent_ink=(255, 255, 255),
    second=(37, 110, 168),
    good=(34, 139, 80),
    bad=(200, 50, 50),
    warn=(232, 168, 40),
    focus=(124, 46, 196),
    disabled=(222, 219, 210),
    disabled_ink=(110, 110, 110),
    tooltip=(44, 52, 80),
    tooltip_ink=(255, 255, 255),
    series=((196, 78, 28), (37, 110, 168), (34, 139, 80), (150, 70, 160), (120, 100, 40)),
    heat=((255, 252, 235), (254, 217, 118), (244, 132, 55), (200, 50, 50), (110, 20, 60)),
)

# Okabe–Ito based: safe for the common colour-vision deficiencies.
COLORBLIND = Palette(
    bg=(250, 248, 242),
    grid=(222, 228, 236),
    margin=(230, 190, 150),
    panel=(255, 255, 252),
    panel_edge=(40, 40, 40),
    ink=(20, 20, 20),
    ink_soft=(80, 80, 80),
    accent=(0, 100, 160),  # Okabe–Ito blue, darkened for white text
    accent_hover=(0, 114, 178),
    accent_ink=(255, 255, 255),
    second=(213, 94, 0),  # vermillion
    good=(0, 158, 115),  # bluish green
    bad=(213, 94, 0),
    warn=(230, 159, 0),  # orange
    focus=(170, 51, 119),  # Okabe–Ito reddish purple, darkened
    disabled=(220, 220, 220),
    disabled_ink=(100, 100, 100),
    tooltip=(30, 30, 30),
    tooltip_ink=(255, 255, 255),
    series=((0, 114, 178), (213, 94, 0), (0, 158, 115), (204, 121, 167), (230, 159, 0)),
    heat=((255, 255, 255), (200, 225, 240), (86, 180, 233), (0, 114, 178), (0, 50, 100)),
)


def luminance(color) -> float:
    """Relative luminance (WCAG), 0 = black, 1 = white."""

    def chan(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color[:3]
    return 0.2126 * chan(r) + 0.7152 * chan(g) + 0.0722 * chan(b)


def contrast(a, b) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a, b, t: float) -> tuple:
    """Colour between `a` (t=0) and `b` (t=1)."""
    t = min(1.0, max(0.0, t))
    return tuple(round(x + (y - x) * t) for x, y in zip(a[:3], b[:3], strict=True))
