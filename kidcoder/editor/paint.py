"""Drawing the editor pane: background, gutter, current line, selection, code, error marker, cursor,
the red hint strip and the scroll bars.

Only the visible lines are drawn, and of them only the rows inside the surface's clip; code
lines come from the LineRenderer cache, so a keystroke costs one line render plus a few blits.
Afterwards the view's PaintRecord (editor/damage.py) notes what each painted row now shows.
The hint strip and the horizontal scroll bar sit under the code's rows, never over a line of code.
"""
from __future__ import annotations

import pygame

from kidcoder.codeparts import indent_of
from kidcoder.editor import textops
from kidcoder.editor.render import draw_wavy_line


def paint_editor(view, surface: pygame.Surface) -> None:
    theme, fonts, buf = view.theme, view.fonts, view.buffer
    rect = view.rect
    old_clip = surface.get_clip()
    painted = rect.clip(old_clip) if old_clip else rect
    surface.set_clip(painted)
    cw, lh = fonts.char_width, fonts.line_height
    code_bottom = view.code_bottom
    gutter = pygame.Rect(rect.x, rect.y, view.gutter_width, code_bottom - rect.y)
    code_area = pygame.Rect(gutter.right, rect.y, view.text_right - gutter.right, code_bottom - rect.y)
    surface.fill(theme.color("background"), rect)
    surface.fill(theme.color("gutter_background"), gutter)
    surface.set_clip(pygame.Rect(rect.x, rect.y, rect.w, code_bottom - rect.y).clip(surface.get_clip()))

    first = view.top
    last = min(len(buf.lines) - 1, view.top + view.visible_rows)
    sel = buf.selection()
    brackets = view.bracket_pair() if view.focused else None
    cur_line = buf.cursor[0]
    text_x = view.text_x - view.left * cw

    for line in range(first, last + 1):
        y = view.line_y(line)
        if y >= painted.bottom or y + lh <= painted.top:
            continue                        # only the rows the clip shows: a typed letter paints one row
        text = buf.lines[line]
        if line == cur_line:
            surface.fill(theme.color("current_line"), (code_area.x, y, code_area.width, lh))
        if sel and sel[0][0] <= line <= sel[1][0]:
            _paint_selection(surface, view, line, text, sel, y, text_x)
        if brackets:
            for b_line, b_col in brackets:
                if b_line == line:
                    bx = text_x + textops.display_col(text, b_col) * cw
                    surface.fill(theme.color("bracket_match"), (bx, y, cw, lh))
        image, first_col = view.renderer.visible_part(text, view.highlighter.spans(line), view.left,
                                                      view.visible_cols)
        if image is not None:
            clip = surface.get_clip()
            surface.set_clip(code_area.clip(clip))
            surface.blit(image, (text_x + first_col * cw, y))
            surface.set_clip(clip)
        _paint_number(surface, view, line, y, gutter, current=line == cur_line)

    if view.error_line is not None and first <= view.error_line <= last:
        _paint_error(surface, view, gutter, code_area, text_x)
    if view.cursor_shown:
        surface.fill(theme.color("cursor"), view.cursor_rect().clip(code_area))
    surface.set_clip(rect.clip(old_clip) if old_clip else rect)
    _paint_strip(surface, view, code_bottom)
    _paint_bars(surface, view)
    surface.set_clip(old_clip)
    view.paint_record.painted(view, painted, sel, brackets)


def _paint_selection(surface, view, line, text, sel, y, text_x) -> None:
    cw, lh = view.fonts.char_width, view.fonts.line_height
    (l1, c1), (l2, c2) = sel
    start = textops.display_col(text, c1) if line == l1 else 0
    end = textops.display_col(text, c2) if line == l2 else textops.display_col(text, len(text)) + 1
    if end > start:
        surface.fill(view.theme.color("selection"), (text_x + start * cw, y, (end - start) * cw, lh))


def _paint_number(surface, view, line, y, gutter, current: bool) -> None:
    key = (line + 1, current)
    image = view.number_cache.get(key)
    if image is None:
        font = view.fonts.bold if current else view.fonts.regular
        color = view.theme.color("gutter_current" if current else "gutter_text")
        image = font.render(str(line + 1), True, color)
        if len(view.number_cache) > 2000:
            view.number_cache.clear()
        view.number_cache[key] = image
    surface.blit(image, (gutter.right - image.get_width() - view.fonts.char_width // 2,
                         y + (view.fonts.line_height - image.get_height()) // 2))


def _paint_error(surface, view, gutter, code_area, text_x) -> None:
    """Gutter badge with "!", a wavy underline under the code, and the short message after it."""
    theme, fonts = view.theme, view.fonts
    cw, lh = fonts.char_width, fonts.line_height
    line = view.error_line
    y = view.line_y(line)
    text = view.buffer.lines[line]
    error = theme.color("error")
    radius = max(5, min(lh, 2 * cw) // 2 - 1)
    center = (gutter.x + radius + 2, y + lh // 2)
    pygame.draw.circle(surface, error, center, radius)
    mark = fonts.bold.render("!", True, theme.color("background"))
    surface.blit(mark, mark.get_rect(center=center))

    indent = len(indent_of(text))
    start_x = text_x + textops.display_col(text, indent) * cw
    end_x = text_x + max(textops.display_col(text, len(text)), indent + 2) * cw
    clip = surface.get_clip()
    surface.set_clip(code_area.clip(clip))
    draw_wavy_line(surface, error, start_x, end_x, y + lh - 3, amplitude=max(1, lh // 12))
    if view.error_message and not view.strip_lines():
        _paint_message(surface, view, view.error_message, end_x + 2 * cw, y)
    surface.set_clip(clip)


def _paint_strip(surface, view, top: int) -> None:
    """The error message under the code's rows when it does not fit after its line (wrapped)."""
    lines = view.strip_lines()
    if not lines:
        return
    theme, font, lh = view.theme, view.fonts.regular, view.fonts.line_height
    rect = view.rect
    strip = pygame.Rect(rect.x, top, view.text_right - rect.x, lh * len(lines))
    surface.fill(theme.color("error_background"), strip)
    pygame.draw.rect(surface, theme.color("error"), strip, width=2)
    for number, line in enumerate(lines):
        image = font.render(line, True, theme.color("error_text"))
        surface.blit(image, (strip.x + view.fonts.char_width, top + number * lh + (lh - image.get_height()) // 2))


def _paint_message(surface, view, message, x, y) -> None:
    """The message after the code on its own line (the view checked it fits)."""
    theme, font = view.theme, view.fonts.regular
    lh = view.fonts.line_height
    image = font.render(message, True, theme.color("error_text"))
    box = pygame.Rect(x, y + 1, image.get_width() + 12, lh - 2)
    pygame.draw.rect(surface, theme.color("error_background"), box, border_radius=lh // 3)
    pygame.draw.rect(surface, theme.color("error"), box, width=2, border_radius=lh // 3)
    surface.blit(image, (box.x + 6, box.y + (box.height - image.get_height()) // 2))


def _paint_bars(surface, view) -> None:
    """The scroll bars: a light track and the thumb (the part of the program that shows)."""
    colour = view.theme.color("scrollbar")
    track = view.theme.color("gutter_background")
    for bar in (view.vbar(), view.hbar()):
        if bar is not None:
            surface.fill(track, bar.track)
            pygame.draw.rect(surface, colour, bar.thumb, border_radius=3)
