"""Activity icons in Sugar's style: SVG text with the two colour entities Sugar fills in.

Sugar draws every activity icon in the child's own XO colours by replacing the
entities &stroke_color; and &fill_color; in the SVG. A game's icon is a picture of
the game (a PNG inside the SVG, which Sugar's SVG renderer shows) in a rounded
frame of those colours; without a picture, a joystick drawn in Sugar's style.
"""
from __future__ import annotations

import base64

SIZE = 55          # Sugar's icons are 55 x 55 units
_HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
  <!ENTITY stroke_color "#010101">
  <!ENTITY fill_color "#FFFFFF">
]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="55" height="55" viewBox="0 0 55 55">
"""


def picture_icon_svg(png: bytes) -> str:
    """An icon showing a PNG picture (square is best) inside a rounded frame in the XO colours."""
    if not png.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValueError("the icon picture must be a PNG")
    data = base64.b64encode(png).decode("ascii")
    return (_HEADER
            + '  <defs><clipPath id="inside"><rect x="6" y="6" width="43" height="43" rx="6"/></clipPath></defs>\n'
            + '  <rect x="3.5" y="3.5" width="48" height="48" rx="8" fill="&fill_color;" '
              'stroke="&stroke_color;" stroke-width="3.5"/>\n'
            + f'  <image x="6" y="6" width="43" height="43" clip-path="url(#inside)" '
              f'preserveAspectRatio="xMidYMid slice" xlink:href="data:image/png;base64,{data}"/>\n'
            + "</svg>\n")


def joystick_icon_svg() -> str:
    """A joystick in the XO colours: the icon of a game that has no picture."""
    return (_HEADER
            + '  <g fill="&fill_color;" stroke="&stroke_color;" stroke-width="3.5" stroke-linecap="round" '
              'stroke-linejoin="round">\n'
            + '    <path d="M8 40 L16 31 H39 L47 40 V47 H8 Z"/>\n'
            + '    <line x1="27.5" y1="31" x2="27.5" y2="17"/>\n'
            + '    <circle cx="27.5" cy="12" r="6"/>\n'
            + '    <circle cx="38" cy="39" r="2.2"/>\n'
            + "  </g>\n"
            + "</svg>\n")
