"""pygame-gui, loaded and started without the parts KidCoder never uses: a cold start on one slow core.

- python-i18n (pygame-gui's translations) imports PyYAML whenever it is installed, only to offer YAML
  files; pygame-gui's own translations are JSON files (its UIManager sets i18n's file_format to json).
  While pygame-gui loads, `import yaml` fails on purpose, so i18n takes JSON without loading YAML
  (about a tenth of pygame-gui's import). Whatever imports yaml later gets the real one.
- pygame-gui's default resource loader starts five threads to load the theme's few fonts and waits for
  them; `new_manager()` loads them in the calling thread, with the same blocking loader otherwise.
The window (ui/app.py) imports pygame-gui through this module, before any pane does.
"""
from __future__ import annotations

import sys


def _import_pygame_gui():
    if "pygame_gui" in sys.modules or "i18n" in sys.modules or "yaml" in sys.modules:
        import pygame_gui
        return pygame_gui
    sys.modules["yaml"] = None          # `import yaml` raises ImportError: i18n.config takes JSON
    try:
        import pygame_gui
    finally:
        del sys.modules["yaml"]
    return pygame_gui


pygame_gui = _import_pygame_gui()

from pygame_gui.core.resource_loaders import BlockingThreadedResourceLoader  # noqa: E402


class InThreadLoader(BlockingThreadedResourceLoader):
    """pygame-gui's blocking loader, loading its queue in the calling thread instead of in five new ones."""

    def _start_output_threads(self, count, func, in_queue, out_queue, error_queue):
        self._load_threads = None
        while not in_queue.empty():
            result, error = func(in_queue.get_nowait())
            out_queue.put(result)
            if error:
                error_queue.put(error)
            in_queue.task_done()


def new_manager(size, theme: dict, language: str):
    """The window's UIManager (no live theme updates), its theme's fonts loaded in this thread; pygame-gui's
    own threaded loader where its loader is not the one InThreadLoader knows."""
    threaded = callable(getattr(BlockingThreadedResourceLoader, "_start_output_threads", None))
    manager = pygame_gui.UIManager(size, theme, enable_live_theme_updates=False, starting_language=language,
                                   resource_loader=InThreadLoader() if threaded else None)
    if threaded:                        # a loader passed in is started by its owner
        manager.resource_loader.start()
        manager.resource_loader.update()
    return manager


def first_update(manager, dt: float) -> None:
    """manager.update(dt) for the window's first frame, without drawing every element's other looks ahead
    of time. After an element is made, each update draws one more of its looks (hovered, pressed, ...),
    for all ~25 elements at once: at the first update that is half the frame's cost, for looks nobody sees
    yet. They are drawn with the next updates instead (and at once if one is needed before: pygame-gui
    draws a look it has not made when it is shown)."""
    held = []
    for element in manager.get_sprite_group().sprites():
        shape = getattr(element, "drawable_shape", None)
        queue = getattr(shape, "states_to_redraw_queue", None)
        if queue and isinstance(getattr(shape, "need_to_clean_up", None), bool):
            held.append((shape, list(queue), shape.need_to_clean_up))
            queue.clear()
            shape.need_to_clean_up = False      # its scratch pictures are still needed for those looks
    manager.update(dt)
    for shape, states, clean_up in held:
        queue = shape.states_to_redraw_queue
        queue.extend(state for state in states
                     if state not in queue and not getattr(shape.states.get(state), "generated", False))
        shape.need_to_clean_up = shape.need_to_clean_up or clean_up
