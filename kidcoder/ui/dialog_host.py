"""The window's one open dialog: open it, give it every event, hand its answer to whoever asked.

Parts of the window ask for a dialog by kind (confirm, prompt, choose, browse) with a
callback for the answer, so they never need the pygame-gui manager, the window size
or the fonts. A closed dialog's memory is given back to the system a few frames later.
"""
from __future__ import annotations

import gc
from typing import Callable, Optional, Sequence, Tuple

import pygame

from kidcoder.ui.dialogs import ChoiceGrid, ConfirmDialog, FileDialog, Modal, PromptDialog

TRIM_AFTER_FRAMES = 3          # pygame-gui lets go of a closed dialog's elements within a few frames
Answer = Callable[[Modal], None]


class DialogHost:
    """Holds the open dialog (`current`, or None); on_closed runs when the last one closes."""

    def __init__(self, manager, fonts, window_size: Callable[[], Tuple[int, int]], on_closed: Callable[[], None]):
        self.manager, self.fonts = manager, fonts
        self._window_size = window_size
        self._on_closed = on_closed
        self.current: Optional[Modal] = None
        self._on_done: Optional[Answer] = None
        self._trim_in = 0

    # ---- asking ---------------------------------------------------------------------------------
    def confirm(self, title: str, message: str, choices: Sequence[Tuple[str, str]], name: str,
                on_done: Answer) -> None:
        """A question and a row of answers (choice, words); the first is focused."""
        self._open(ConfirmDialog(self.manager, self._window_size(), self.fonts, title, message, choices, name=name),
                   on_done)

    def prompt(self, title: str, message: str, placeholder: str, ok_label: str, name: str, on_done: Answer,
               text: str = "") -> None:
        """A line to type an answer in (dialog.value), OK and Cancel."""
        self._open(PromptDialog(self.manager, self._window_size(), self.fonts, title, message, placeholder,
                                ok_label, name=name, text=text), on_done)

    def choose(self, title: str, items, name: str, on_done: Answer, empty_text: str = "",
               extra: Sequence[Tuple[str, str]] = ()) -> None:
        """A grid of big buttons (choice, words, description); dialog.result is the choice."""
        self._open(ChoiceGrid(self.manager, self._window_size(), self.fonts, title, items, empty_text=empty_text,
                              name=name, extra=extra), on_done)

    def browse(self, title: str, folder: str, on_done: Answer, name: str = "browse") -> None:
        """The file picker; dialog.value is the program picked."""
        self._open(FileDialog(self.manager, self._window_size(), title, folder, name=name), on_done)

    def show(self, make: Callable[..., Modal], on_done: Answer) -> Modal:
        """A dialog of another module (the pickers): make(manager, window size, fonts) builds it."""
        dialog = make(self.manager, self._window_size(), self.fonts)
        self._open(dialog, on_done)
        return dialog

    def _open(self, dialog: Modal, on_done: Answer) -> None:
        self.current, self._on_done = dialog, on_done

    # ---- while one is open ----------------------------------------------------------------------
    def handle_event(self, event) -> None:
        """Every event goes to the open dialog (keys first, then pygame-gui; the rest the other way)."""
        dialog = self.current
        if event.type == pygame.KEYDOWN:
            if not dialog.handle_event(event):
                self.manager.process_events(event)
        else:
            self.manager.process_events(event)
            dialog.handle_event(event)
        self._close_if_answered(dialog)

    def _close_if_answered(self, dialog) -> None:
        if dialog.result is None:
            return
        self.current, on_done = None, self._on_done
        dialog.close()
        self._trim_in = TRIM_AFTER_FRAMES
        on_done(dialog)                 # (an answer may open another dialog, like Open -> Another folder)
        if self.current is None:
            self._on_closed()

    def draw_focus(self, surface, colour) -> None:
        self.current.draw_focus(surface, colour)

    def tick(self) -> None:
        """Once per frame: a few frames after a dialog closed, give its memory back."""
        if self.current is not None:
            self._close_if_answered(self.current)    # answered between events (a picker that waited for a search)
        if self._trim_in:
            self._trim_in -= 1
            if not self._trim_in:
                trim_heap()


def trim_heap() -> None:
    """Give the memory of a closed dialog back to the system: its elements hold reference cycles,
    and glibc keeps freed pages, so the window would grow by a few MB each time a dialog opens."""
    gc.collect()
    global _libc
    if _libc is None:
        try:
            import ctypes          # only once a dialog has closed

            _libc = ctypes.CDLL("libc.so.6")
            _libc.malloc_trim.argtypes = [ctypes.c_size_t]
        except (OSError, AttributeError):
            _libc = False
    if _libc:
        _libc.malloc_trim(0)


_libc = None
