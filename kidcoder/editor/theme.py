"""The editor's colours and text styles, read from assets/themes/syntax.json (no pygame).

A theme is plain data, so tests can check that every colour stays readable
(WCAG contrast) against its background.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Dict, Optional, Tuple

from kidcoder import paths

RGB = Tuple[int, int, int]
THEMES = ("default", "high_contrast")


@dataclass(frozen=True)
class TokenStyle:
    color: RGB
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass
class SyntaxTheme:
    """Colours of the editor pane (background, gutter, cursor, error marker) and of each token kind."""
    name: str
    colors: Dict[str, RGB]
    tokens: Dict[str, TokenStyle] = field(default_factory=dict)

    def color(self, name: str) -> RGB:
        return self.colors[name]

    def style(self, kind: Optional[str]) -> TokenStyle:
        """The style of a token kind; plain text for None or an unknown kind."""
        return self.tokens.get(kind) or TokenStyle(self.colors["text"])


def parse_color(value: str) -> RGB:
    """'#RRGGBB' to an (r, g, b) tuple."""
    value = value.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #RRGGBB colour: {value!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def theme_from_dict(name: str, raw: dict) -> SyntaxTheme:
    colors = {k: parse_color(v) for k, v in raw.items() if isinstance(v, str)}
    tokens = {kind: TokenStyle(parse_color(s["color"]), bool(s.get("bold")), bool(s.get("italic")),
                               bool(s.get("underline")))
              for kind, s in raw.get("tokens", {}).items()}
    return SyntaxTheme(name, colors, tokens)


def load_theme(name: str = "default") -> SyntaxTheme:
    """The named theme from assets/themes/syntax.json; an unknown name gives the default theme."""
    raw = json.loads((paths.assets_dir() / "themes" / "syntax.json").read_text(encoding="utf-8"))
    if name not in raw or name.startswith("_"):
        name = "default"
    return theme_from_dict(name, raw[name])


def relative_luminance(rgb: RGB) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio between two colours (1 to 21; 4.5 or more is readable text)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
