"""EditorView: the code pane a child types in, drawn with pygame inside a rectangle of the window.

The window embeds it like this::

    view = EditorView(pygame.Rect(0, 40, 640, 600), settings)   # settings: font_size, theme
    view.set_text(source)                 # get_text() gives it back; view.buffer is the TextBuffer
    consumed = view.handle_event(event)   # KEYDOWN, TEXTINPUT, mouse buttons/motion/wheel -> bool
    view.update(dt)                       # dt in seconds: the cursor blinks
    view.draw(surface)                    # draws only inside view.rect (visible lines only)
    view.set_error_marker(7, "A ( is not closed")   # 1-based line, short text already translated
    view.clear_error_marker()
    view.zoom_in(); view.zoom_out()       # also Ctrl + / Ctrl - (Ctrl 0 resets); view.font_size is the size
    view.focused = True                   # a click inside focuses, a click outside unfocuses
    view.set_rect(new_rect)               # when the window is resized
    view.buffer.replace_lines(3, 4, fixed)  # the assistant's "apply fix": 1-based lines, one undo step
    view.buffer.modified, view.buffer.mark_saved()   # unsaved-changes star; call after a save
    view.buffer.version                   # changes on every edit: then call AutosaveTimer.edited()

Typed letters arrive as TEXTINPUT events (so accents, ñ and AltGr keys work);
KEYDOWN handles editing keys and Ctrl shortcuts. Keys the view does not use
(F5, Ctrl+S, Ctrl+F, Ctrl+G, ...) return False so the window can act on them;
the window's find and go-to-line boxes call view.buffer.find_next() and
view.goto_line(). The clipboard is the system one where pygame has it.
"""
from __future__ import annotations

import time
from typing import Callable, Optional, Tuple

import pygame

from kidcoder.config import Settings
from kidcoder.editor.buffer import Pos, TextBuffer
from kidcoder.editor.clipboard import SystemClipboard
from kidcoder.editor.damage import PaintRecord
from kidcoder.editor.highlight import Highlighter, match_bracket
from kidcoder.editor.paint import paint_editor
from kidcoder.editor.render import DEFAULT_FONT_SIZE, MAX_FONT_SIZE, MIN_FONT_SIZE, EditorFonts, LineRenderer
from kidcoder.editor.theme import SyntaxTheme, load_theme
from kidcoder.editor.view_geometry import PAD, ViewGeometry

BLINK_S = 0.53
DOUBLE_CLICK_S = 0.4
WHEEL_LINES = 3
ZOOM_STEP = 2

# Keys without Ctrl: moves (Shift selects) and edits; with Ctrl: edits and zooms. Letters come as TEXTINPUT.
MOVES = {pygame.K_LEFT: TextBuffer.move_left, pygame.K_RIGHT: TextBuffer.move_right,
         pygame.K_UP: TextBuffer.move_up, pygame.K_DOWN: TextBuffer.move_down,
         pygame.K_HOME: TextBuffer.home, pygame.K_END: TextBuffer.end}
EDITS = {pygame.K_BACKSPACE: TextBuffer.backspace, pygame.K_DELETE: TextBuffer.delete_forward,
         pygame.K_RETURN: TextBuffer.newline, pygame.K_KP_ENTER: TextBuffer.newline}
CTRL_EDITS = {pygame.K_a: TextBuffer.select_all, pygame.K_c: TextBuffer.copy, pygame.K_x: TextBuffer.cut,
              pygame.K_v: TextBuffer.paste, pygame.K_y: TextBuffer.redo}


class EditorView(ViewGeometry):
    """A scrolling, highlighted code editor pane; see the module docstring for how to embed it.
    Where things are (rows, columns, scroll bars, the hint strip) is ViewGeometry's."""

    def __init__(self, rect, settings: Optional[Settings] = None, *, font_size: Optional[int] = None, theme: Optional[SyntaxTheme] = None,
                 clipboard=None, text: str = "", clock: Callable[[], float] = time.monotonic):
        settings = settings if settings is not None else Settings()
        self.rect = pygame.Rect(rect)
        self.theme = theme or load_theme(settings.theme)
        self._clock = clock
        self.buffer = TextBuffer(text, clipboard if clipboard is not None else SystemClipboard(), clock=clock)
        self.highlighter = Highlighter(self.buffer.lines)
        self.buffer.add_listener(self._on_change)
        self.focused = True
        self.top = 0          # first visible line
        self.left = 0         # first visible screen column
        self.error_line: Optional[int] = None   # 0-based internally
        self.error_message = ""
        self._blink_t = 0.0
        self._dragging = False
        self._last_click: Tuple[float, Tuple[int, int], int] = (-1.0, (-99, -99), 0)
        self._bracket_cache: Tuple[object, Optional[Tuple[Pos, Pos]]] = (None, None)
        self.paint_record = PaintRecord()     # what each row shows since draw(): changed_rows() is what to paint
        self._set_fonts(font_size or settings.font_size)

    # ----- setup ------------------------------------------------------------------------------
    def _set_fonts(self, size: int) -> None:
        self.fonts = EditorFonts(size)
        self.renderer = LineRenderer(self.fonts, self.theme)
        self.number_cache = {}

    @property
    def font_size(self) -> int:
        return self.fonts.size

    def set_rect(self, rect) -> None:
        self.rect = pygame.Rect(rect)
        self.ensure_cursor_visible()

    def set_theme(self, theme: SyntaxTheme) -> None:
        self.theme = theme
        self._set_fonts(self.fonts.size)

    def set_text(self, text: str, saved: bool = True) -> None:
        """Show a new program (opening a file): the cursor goes to the top, undo history starts fresh.

        saved=False for recovered work that still needs saving.
        """
        self.buffer.set_text(text, saved)
        self.top = self.left = 0
        self.clear_error_marker()

    def get_text(self) -> str:
        return self.buffer.get_text()

    def _on_change(self, first: int, old_count: int, new_count: int) -> None:
        self.highlighter.lines_changed(first, old_count, new_count)
        if self.error_line is not None and old_count != new_count and self.error_line > first:
            self.error_line = max(first, self.error_line + new_count - old_count)  # the marker moves with its line

    # ----- error marker and zoom --------------------------------------------------------------
    def set_error_marker(self, line: int, message: str = "") -> None:
        """Mark line (1-based, as in the gutter) with a short message, and scroll so it shows."""
        self.error_line = max(0, min(line - 1, len(self.buffer.lines) - 1))
        self.error_message = message
        rows = self.visible_rows
        if not self.top <= self.error_line < self.top + rows:
            self.top = max(0, self.error_line - rows // 3)

    def clear_error_marker(self) -> None:
        self.error_line, self.error_message = None, ""

    def zoom_in(self) -> None:
        self._set_fonts(min(MAX_FONT_SIZE, self.fonts.size + ZOOM_STEP))
        self.ensure_cursor_visible()

    def zoom_out(self) -> None:
        self._set_fonts(max(MIN_FONT_SIZE, self.fonts.size - ZOOM_STEP))
        self.ensure_cursor_visible()

    def zoom_reset(self) -> None:
        self._set_fonts(DEFAULT_FONT_SIZE)
        self.ensure_cursor_visible()

    def goto_line(self, number: int) -> None:
        """Move the cursor to line number (1-based) and show it."""
        self.buffer.goto_line(number)
        self.ensure_cursor_visible(center=True)

    # ----- events -----------------------------------------------------------------------------
    def handle_event(self, event) -> bool:
        """Act on one pygame event; True when the editor used it."""
        if event.type == pygame.MOUSEBUTTONDOWN:
            return self._mouse_down(event)
        if event.type == pygame.MOUSEMOTION and self._bar_drag is not None:
            if not getattr(event, "buttons", (1,))[0]:
                self.bar_release()
                return False
            self.bar_drag(event.pos)
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.bar_release():
            return True
        if event.type == pygame.MOUSEMOTION and self._dragging:
            if not getattr(event, "buttons", (1,))[0]:
                self._dragging = False  # the button was let go outside the window
                return False
            self._drag_to(event.pos)
            return True
        if event.type == pygame.MOUSEBUTTONUP and self._dragging and event.button == 1:
            self._dragging = False
            return True
        if event.type == pygame.MOUSEWHEEL:
            return self._wheel(event)
        if not self.focused:
            return False
        if event.type == pygame.TEXTINPUT:
            text = "".join(ch for ch in event.text if ch == "\t" or ch >= " ")
            if text:
                self.buffer.type_text(text)
                self.ensure_cursor_visible()
            return True
        if event.type == pygame.KEYDOWN:
            used = self._key(event)
            if used:
                self.ensure_cursor_visible()
            return used
        return False

    def _key(self, event) -> bool:
        mod = event.mod
        alt_gr = bool(mod & pygame.KMOD_RALT) or (mod & pygame.KMOD_CTRL and mod & pygame.KMOD_ALT)
        ctrl = bool(mod & (pygame.KMOD_CTRL | pygame.KMOD_META)) and not alt_gr
        shift = bool(mod & pygame.KMOD_SHIFT)
        key, buf = event.key, self.buffer
        if ctrl:
            return self._shortcut(key, shift)
        if mod & pygame.KMOD_LALT:
            return False  # Alt+key belongs to the window (menus)
        if key in MOVES:
            MOVES[key](buf, shift)
        elif key in EDITS:
            EDITS[key](buf)
        elif key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            rows = max(1, self.visible_rows - 1)
            rows = -rows if key == pygame.K_PAGEUP else rows
            buf.move_vertical(rows, shift)
            self.scroll(rows)
        elif key == pygame.K_TAB:
            buf.dedent_lines() if shift else buf.tab()
        elif key == pygame.K_ESCAPE and buf.selection():
            buf.set_cursor(buf.cursor)
        else:
            # Letters come as TEXTINPUT; claim their KEYDOWN so the window does not treat them as shortcuts.
            return bool(getattr(event, "unicode", "")) and event.unicode.isprintable() and key != pygame.K_ESCAPE
        return True

    def _shortcut(self, key: int, shift: bool) -> bool:
        buf = self.buffer
        if key in (pygame.K_LEFT, pygame.K_RIGHT):
            (buf.move_left if key == pygame.K_LEFT else buf.move_right)(shift, word=True)
        elif key in (pygame.K_HOME, pygame.K_END):
            (buf.home if key == pygame.K_HOME else buf.end)(shift, document=True)
        elif key in (pygame.K_UP, pygame.K_DOWN):
            self.scroll(-1 if key == pygame.K_UP else 1)
            return True
        elif key == pygame.K_BACKSPACE:
            if not buf.selection():
                buf.move_left(select=True, word=True)
            buf.backspace()
        elif key in CTRL_EDITS:
            CTRL_EDITS[key](buf)
        elif key == pygame.K_z:
            buf.redo() if shift else buf.undo()
        elif key in (pygame.K_SLASH, pygame.K_KP_DIVIDE) or (key == pygame.K_7 and shift):
            buf.toggle_comment()  # Ctrl+/ (on Spanish keyboards / is Shift+7)
        elif key in ZOOMS:
            ZOOMS[key](self)
        else:
            return False
        return True

    def _mouse_down(self, event) -> bool:
        if event.button in (4, 5):  # old-style wheel buttons; MOUSEWHEEL handles scrolling
            return self.rect.collidepoint(event.pos)
        if not self.rect.collidepoint(event.pos):
            self.focused = False
            return False
        self.focused = True
        if event.button != 1 or self.bar_press(event.pos):
            return True
        pos = self.pos_at(event.pos)
        now = self._clock()
        last_at, (last_x, last_y), clicks = self._last_click
        near = abs(event.pos[0] - last_x) <= 4 and abs(event.pos[1] - last_y) <= 4
        clicks = clicks + 1 if now - last_at <= DOUBLE_CLICK_S and near else 1
        self._last_click = (now, tuple(event.pos), clicks)
        shift = bool(_mods() & pygame.KMOD_SHIFT)
        if event.pos[0] < self.text_x - PAD:          # the gutter: select the whole line
            self.buffer.set_cursor((pos[0], 0))
            self.buffer.set_cursor((pos[0] + 1, 0) if pos[0] + 1 < len(self.buffer.lines)
                                   else (pos[0], len(self.buffer.lines[pos[0]])), select=True)
        elif clicks == 2:
            self.buffer.select_word_at(pos)
        elif clicks >= 3:
            self.buffer.set_cursor((pos[0], 0))
            self.buffer.end(select=True)
        else:
            self.buffer.set_cursor(pos, select=shift)
            self._dragging = True
        self.ensure_cursor_visible()
        return True

    def _drag_to(self, point) -> None:
        if point[1] < self.rect.top:
            self.scroll(-1)
        elif point[1] >= self.code_bottom:
            self.scroll(1)
        self.buffer.set_cursor(self.pos_at(point), select=True)
        self.ensure_cursor_visible()

    def _wheel(self, event) -> bool:
        mouse = _mouse_pos()
        if not self.focused and not (mouse and self.rect.collidepoint(mouse)):
            return False
        if _mods() & pygame.KMOD_SHIFT:
            self.scroll(cols=-event.y * WHEEL_LINES)
        else:
            self.scroll(lines=-event.y * WHEEL_LINES, cols=event.x * WHEEL_LINES)
        return True

    # ----- time and drawing -------------------------------------------------------------------
    def update(self, dt: float) -> None:
        """Advance the cursor blink by dt seconds."""
        self._blink_t = (self._blink_t + dt) % (2 * BLINK_S)

    @property
    def cursor_shown(self) -> bool:
        return self.focused and self._blink_t < BLINK_S

    def blink_due_s(self):
        """Seconds until the cursor blinks on or off (None while the editor has no keyboard)."""
        return BLINK_S - self._blink_t % BLINK_S if self.focused else None

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the pane into self.rect of surface."""
        self.highlighter.refresh(self.buffer.lines)
        paint_editor(self, surface)

    def changed_rows(self):
        """The rects of the rows that look different from when they were last drawn (a typed letter: its
        row), or None when the whole pane must be drawn again (see editor/damage.py)."""
        return self.paint_record.changed_rows(self)

    def bracket_pair(self) -> Optional[Tuple[Pos, Pos]]:
        """The bracket next to the cursor and its partner (found through the highlight spans), or None."""
        key = (self.buffer.version, self.buffer.cursor)
        if self._bracket_cache[0] != key:
            self.highlighter.refresh(self.buffer.lines)
            line, col = self.buffer.cursor
            pair = None
            for c in (col, col - 1):
                found = match_bracket(self.buffer.lines, self.highlighter.spans, (line, c))
                if found:
                    pair = ((line, c), found)
                    break
            self._bracket_cache = (key, pair)
        return self._bracket_cache[1]


def _mods() -> int:
    """Modifier keys held now (0 when the display is not up, as in some tests)."""
    try:
        return pygame.key.get_mods()
    except pygame.error:
        return 0


def _mouse_pos():
    try:
        return pygame.mouse.get_pos()
    except pygame.error:
        return None


ZOOMS = {pygame.K_PLUS: EditorView.zoom_in, pygame.K_EQUALS: EditorView.zoom_in, pygame.K_KP_PLUS: EditorView.zoom_in,
         pygame.K_MINUS: EditorView.zoom_out, pygame.K_KP_MINUS: EditorView.zoom_out,
         pygame.K_0: EditorView.zoom_reset, pygame.K_KP0: EditorView.zoom_reset}
