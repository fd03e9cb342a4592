"""The widget kit and the look of the game (see docs/UI.md).

theme = Theme(text_size=0, colorblind=False)
screen = Container(theme)
screen.add(Button(theme, (40, 40, 220, theme.control_height), "Jouer", on_click=play))
# in the scene: screen.handle_event(e) / screen.update(dt) / screen.draw(surface)
"""

from .base import (
    ACTIVATE_KEYS,
    ARROWS,
    Clickable,
    Container,
    FocusManager,
    Tooltip,
    Widget,
    WidgetGroup,
    is_click,
    is_release,
)
from .charts import BarChart, HeatMap, LineChart, ProgressBar
from .icons import ICON_NAMES, draw_icon
from .theme import COLORBLIND, NORMAL, Palette, Theme, format_number, format_percent
from .widgets import Button, Checkbox, DraggableToken, Label, Panel, Slider, TextField, Toggle

__all__ = [
    "ACTIVATE_KEYS",
    "ARROWS",
    "COLORBLIND",
    "ICON_NAMES",
    "NORMAL",
    "BarChart",
    "Button",
    "Checkbox",
    "Clickable",
    "Container",
    "DraggableToken",
    "FocusManager",
    "HeatMap",
    "Label",
    "LineChart",
    "Palette",
    "Panel",
    "ProgressBar",
    "Slider",
    "TextField",
    "Theme",
    "Toggle",
    "Tooltip",
    "Widget",
    "WidgetGroup",
    "draw_icon",
    "is_click",
    "is_release",
    "format_number",
    "format_percent",
]
