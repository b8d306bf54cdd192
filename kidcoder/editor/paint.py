"""Drawing the editor pane: background, gutter, current line, selection, code, error marker, cursor.

Only the visible lines are drawn; code lines come from the LineRenderer cache,
so a keystroke costs one line render plus a few blits.
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
    surface.set_clip(rect.clip(old_clip) if old_clip else rect)
    cw, lh = fonts.char_width, fonts.line_height
    gutter = pygame.Rect(rect.x, rect.y, view.gutter_width, rect.height)
    code_area = pygame.Rect(gutter.right, rect.y, rect.right - gutter.right, rect.height)
    surface.fill(theme.color("background"), rect)
    surface.fill(theme.color("gutter_background"), gutter)

    first = view.top
    last = min(len(buf.lines) - 1, view.top + view.visible_rows)
    sel = buf.selection()
    brackets = view.bracket_pair() if view.focused else None
    cur_line = buf.cursor[0]
    text_x = view.text_x - view.left * cw

    for line in range(first, last + 1):
        y = view.line_y(line)
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
            surface.set_clip(code_area.clip(surface.get_clip()))
            surface.blit(image, (text_x + first_col * cw, y))
            surface.set_clip(rect.clip(old_clip) if old_clip else rect)
        _paint_number(surface, view, line, y, gutter, current=line == cur_line)

    if view.error_line is not None and first <= view.error_line <= last:
        _paint_error(surface, view, gutter, code_area, text_x)
    if view.cursor_shown:
        surface.fill(theme.color("cursor"), view.cursor_rect().clip(code_area))
    _paint_scrollbar(surface, view)
    surface.set_clip(old_clip)


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
    surface.set_clip(code_area.clip(surface.get_clip()))
    draw_wavy_line(surface, error, start_x, end_x, y + lh - 3, amplitude=max(1, lh // 12))
    if view.error_message:
        _paint_message(surface, view, view.error_message, end_x + 2 * cw, y, code_area)


def _paint_message(surface, view, message, x, y, code_area) -> None:
    """The message goes after the code when it fits; otherwise in a strip at the pane's edge, never over the line."""
    theme, font = view.theme, view.fonts.regular
    lh, cw = view.fonts.line_height, view.fonts.char_width
    if x + font.size(message)[0] + 12 > code_area.right - 4:
        strip_y = code_area.bottom - lh if y + lh < code_area.bottom - lh else code_area.top
        x, y = code_area.x + cw // 2, strip_y
        surface.fill(theme.color("error_background"), (code_area.x, strip_y, code_area.width, lh))
    space = code_area.right - 4
    while x + font.size(message)[0] + 12 > space and len(message) > 1:
        message = message[:-2] + "…"
    image = font.render(message, True, theme.color("error_text"))
    box = pygame.Rect(x, y + 1, image.get_width() + 12, lh - 2)
    pygame.draw.rect(surface, theme.color("error_background"), box, border_radius=lh // 3)
    pygame.draw.rect(surface, theme.color("error"), box, width=2, border_radius=lh // 3)
    surface.blit(image, (box.x + 6, box.y + (box.height - image.get_height()) // 2))


def _paint_scrollbar(surface, view) -> None:
    total = len(view.buffer.lines)
    rows = view.visible_rows
    if total <= rows:
        return
    rect = view.rect
    height = max(16, rect.height * rows // total)
    y = rect.y + (rect.height - height) * min(view.top, total - 1) // max(1, total - 1)
    pygame.draw.rect(surface, view.theme.color("scrollbar"), (rect.right - 6, y, 5, height), border_radius=2)
