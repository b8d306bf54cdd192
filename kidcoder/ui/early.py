"""Opening the window: the whole window at once from the last start's picture of it, with a live editor.

On an XO (one slow core) loading pygame-gui and building its ~25 elements takes about a second. The
window's first frame is the same every day, so the last start kept a picture of it (ui/first_frame.py).
When the picture matches, it is the first thing on screen; the editor (KidCoder's own code, no
pygame-gui) is made at once and takes the child's typing, drawn over the picture; pygame-gui and the
rest of the window load in steps, the editor taking keys between them; then the App takes over and
draws the same window. Every event that came meanwhile reaches the App in its order (a click on the
picture's toolbar is a click on the real one; typed keys go through the App to its editor, which
ends as the early editor showed). No picture yet (the first start, or another size or language): the
splash, then the App, as before; the App's first frame is kept for the next start.
"""
from __future__ import annotations

import importlib
import time
from types import SimpleNamespace
from typing import Callable, Dict, List, Optional

import pygame

from kidcoder.ui import first_frame
from kidcoder.ui.window_open import open_display, when_shown

# loaded one by one before the App is made, the early editor taking keys between them (the slow ones first)
LOADING = ("kidcoder.ui.gui_start", "kidcoder.ui.helper_pane", "kidcoder.ui.toolbar", "kidcoder.ui.dialogs",
           "kidcoder.ui.preview_pane", "kidcoder.ui.assist", "kidcoder.ui.file_actions", "kidcoder.ui.app")
# input the App may answer otherwise than the early editor would (a click on a button, the wheel, a shortcut
# key, a resize; a click in the code too: the editor tells a double click by the time between two clicks, and
# the App gets them together): after one of these the early editor takes nothing more, the App shows the rest
LEFT_TO_THE_APP = {pygame.QUIT, pygame.MOUSEBUTTONDOWN, pygame.MOUSEWHEEL, pygame.KEYDOWN, pygame.VIDEORESIZE,
                   pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED, pygame.DROPFILE, pygame.FINGERDOWN}


class EarlyWindow:
    """The picture of the whole window, and the editor pane over it until the App takes over."""

    def __init__(self, note: dict, settings, key: str = ""):
        self.note, self.settings, self.key = note, settings, key
        self.canvas = None          # what the window shows, in its pixel format: the editor draws here
        self.held: List[pygame.event.Event] = []    # every event, in order, for the App
        self.editor = None
        self.typing = True          # False once an event came that the App may answer otherwise (a click,
                                    # a shortcut): the App shows what follows it

    def show(self) -> None:
        """Show the picture (already in the window's pixels: see kept())."""
        pygame.display.flip()

    @classmethod
    def kept(cls, screen, settings) -> Optional["EarlyWindow"]:
        """The early window for this window's size and settings, if the last start kept a picture for them:
        the picture is put straight into screen's pixels, for show()."""
        key = first_frame.snapshot_key(settings, screen.get_size())
        note = first_frame.load_into(key, screen)
        return cls(note, settings, key) if note is not None else None

    def take_keys(self) -> None:
        """Make the editor pane with the program the window starts with, as the App's editor has it."""
        from kidcoder.ui.editor_pane import EditorPane
        from kidcoder.ui.layout import Box
        from kidcoder.ui.pane import PaneKit
        from kidcoder.ui.starter import starter_program
        from kidcoder.ui.style import Fonts, colours, zoom_scale

        self.canvas = pygame.display.get_surface().copy()          # the picture, for the editor to draw on
        pygame.key.set_repeat(400, 35)
        pygame.key.start_text_input()
        kit = PaneKit(None, Fonts(zoom_scale(self.settings.font_size)), colours(self.settings.theme), self.settings)
        box = Box(*self.note["editor"])                       # the editor's box in the App's layout
        self.editor = EditorPane(SimpleNamespace(editor=box), kit)
        self.editor.set_text(starter_program(self.settings.language))
        self.editor.focused = True
        self._version = self.editor.version
        self._cursor = self.editor.view.buffer.cursor

    def pump(self) -> None:
        """Take the events so far: the editor's go to it (and it is drawn again), all are kept for the App."""
        from kidcoder.ui.keys import action_for_key

        for event in pygame.event.get():
            self.held.append(event)
            if event.type in (pygame.WINDOWEXPOSED, pygame.VIDEOEXPOSE):    # uncovered: all of it again (the
                pygame.display.get_surface().blit(self.canvas, (0, 0))      # App may have set the mode since)
                pygame.display.flip()
            if not self.typing or self.editor is None:
                continue
            if event.type == pygame.TEXTINPUT:
                self.editor.handle_event(event)
            elif event.type == pygame.KEYDOWN and action_for_key(event.key, event.mod) is None:
                self.editor.handle_event(event)
            elif event.type in LEFT_TO_THE_APP:
                self.typing = False          # a button, a shortcut, the wheel, a resize: left to the App
        if self.editor is not None:
            self.draw_editor()

    def draw_editor(self, always: bool = False) -> None:
        """The editor and its focus ring, as the window draws them, when its text or cursor changed."""
        from kidcoder.ui.style import draw_focus_ring

        editor = self.editor
        editor.update(0.0)
        if (editor.version, editor.view.buffer.cursor) == (self._version, self._cursor) and not always:
            return
        self._version, self._cursor = editor.version, editor.view.buffer.cursor
        editor.draw(self.canvas)
        draw_focus_ring(self.canvas, editor.rect, editor.colours["focus"], editor.ring_width)
        changed = editor.rect.inflate(2 * editor.ring_width, 2 * editor.ring_width)
        pygame.display.get_surface().blit(self.canvas, changed, changed)
        pygame.display.update(changed)

    def hand_over(self) -> None:
        """The App is made: the events so far go back to SDL's queue, in order, for its first frame."""
        self.pump()
        for event in self.held:
            pygame.event.post(event)
        self.held.clear()


def open_window(settings, size=None, window_flags: int = 0, marks: Optional[Dict[str, float]] = None,
                quick: bool = True, splash: bool = True):
    """The App, its window showing: from the kept picture when it matches (see above), else after the
    splash. quick=False: no kept picture (the first frame will not be the usual one: a program named, a
    demo); splash=False: no splash either (a hidden window). marks gets the time.monotonic() of the first
    picture ("first_present") and, on the quick way, of the editor taking keys in the whole window
    ("window_ready")."""
    marks = marks if marks is not None else {}
    screen = open_display(size, window_flags)
    early = EarlyWindow.kept(screen, settings) if quick else None
    if early is not None:
        early.show()
        marks["first_present"] = time.monotonic()
        early.take_keys()
        early.pump()
        marks["window_ready"] = time.monotonic()
    elif splash:
        from kidcoder.ui.splash import show_splash      # (only now: the kept picture needs none of it)

        show_splash(settings.theme, settings.language, screen=screen)
        marks["first_present"] = time.monotonic()
    app = make_app(settings, screen.get_size(), window_flags, early.pump if early is not None else lambda: None)
    if quick:
        key = early.key if early is not None else first_frame.snapshot_key(settings, app.size)
        when_shown(keeper(app, key, app.size, shown=early is not None))
    if early is not None:
        early.hand_over()
    return app


def make_app(settings, size, window_flags: int, between: Callable[[], None]):
    for name in LOADING:
        importlib.import_module(name)
        between()
    return importlib.import_module("kidcoder.ui.app").App(settings, size=size, window_flags=window_flags,
                                                          between=between)


def keeper(app, key: str, size, shown: bool = False) -> Callable[[], None]:
    """For after the App's first frame: keep a picture of it for the next start (key: made for a window of
    size), unless it is the picture shown (key's: the writer thread leaves it) or something already changed it
    (typing, a click, the mouse over a button). A window the window manager resized before the first frame
    is kept under its real size's key, and not at all when the frame was drawn for another size than the
    window's (the App had not yet heard of the resize)."""
    version = app.editor.version

    def keep() -> None:
        untouched = (app.first_frame_at is not None and app.editor.version == version and app.dialog is None
                     and app.focus == "editor" and not app.manager.get_hovering_any_element())
        real = app.screen.get_size()
        if not untouched or real != tuple(app.size):
            return
        filed, unless_same = key, shown
        if real != tuple(size):         # resized before the first frame: no picture of this size was shown
            filed, unless_same = first_frame.snapshot_key(app.settings, real), False
        box = app.layout.editor
        first_frame.save(app.screen, filed, {"editor": [box.x, box.y, box.w, box.h]}, unless_same=unless_same)
    return keep

