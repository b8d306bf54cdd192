"""The one window: builds the panes, routes every event, and draws a frame.

`App.step()` is one frame (events, background results, drawing); `run_app()`
loops it. The UI thread only draws and drains queues: files, hints, answers,
games being stopped and the search index all work on background threads.
"""
from __future__ import annotations

import os
import time
from typing import Optional

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# The window is drawn in software and sent to the screen; SDL's GL path for that would load a
# software OpenGL stack (about 100 MB more) on machines without a GPU driver, for no gain.
os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")

import pygame  # noqa: E402
import pygame_gui  # noqa: E402

from kidcoder.i18n import set_language, tr  # noqa: E402
from kidcoder.ui import focus as focusing  # noqa: E402
from kidcoder.ui import style  # noqa: E402
from kidcoder.ui.layout import compute_layout, initial_size, toolbar_rows_needed  # noqa: E402

FPS = 60
NO_WINDOW_S = 1.5
KEY_HINTS = "ui.status.keys"


class App:
    """The KidCoder window. Tests build one on the dummy video driver and call step()."""

    def __init__(self, settings=None, size=None, files=None):
        from kidcoder.config import load_settings

        self.settings = settings if settings is not None else load_settings()
        set_language(self.settings.language)
        pygame.display.init()
        pygame.font.init()
        if size is None:
            size = initial_size(_desktop_size())
        self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        pygame.display.set_caption("KidCoder")
        pygame.key.set_repeat(400, 35)
        pygame.key.start_text_input()
        self.size = self.screen.get_size()
        self.theme = self.settings.theme
        self.colours = style.colours(self.theme)
        self.fonts = style.Fonts()
        self.manager = pygame_gui.UIManager(self.size, str(style.theme_path(self.theme)),
                                            enable_live_theme_updates=False,
                                            starting_language=self.settings.language)
        style.add_mono_font(self.manager)
        self._build_panes()
        from kidcoder.ui.actions import Actions
        from kidcoder.ui.assist import Assist
        from kidcoder.ui.documents import DocumentKeeper
        from kidcoder.ui.game_control import GameControl
        from kidcoder.ui.worker import Worker

        self.worker = Worker()
        self.games = GameControl(self.settings, self.worker)
        self.docs = DocumentKeeper(files)
        self.actions = Actions(self)
        self.assist = Assist(self)
        self.dialog = None
        self.focus = "editor"
        self.running = True
        self.exit_code = 0
        self.status = ""
        self.frame_times = []            # seconds per frame of our own work (benchmarks read it)
        self.frames = 0
        self.first_frame_at: Optional[float] = None
        self.on_present = None           # benchmarks: called with the rects sent, after each present
        self.demo = None
        self.trim_at = -1
        from kidcoder.ui.present import Presenter

        self.presenter = Presenter()
        self._last_version = self.editor.version
        self._console_seen = (0, "")
        self.actions.start_up()

    # ---- building ---------------------------------------------------------------------------
    def _build_panes(self) -> None:
        from kidcoder.ui.console_pane import ConsolePane
        from kidcoder.ui.editor_pane import EditorPane
        from kidcoder.ui.helper_pane import HelperPane
        from kidcoder.ui.preview_pane import PreviewPane
        from kidcoder.ui.toolbar import Toolbar, fitted_widths

        rows = toolbar_rows_needed(self.size[0], fitted_widths(self.fonts, self.size[0]))
        self.layout = compute_layout(*self.size, toolbar_rows=rows)
        lay = self.layout
        self.toolbar = Toolbar(lay.toolbar, lay.status, self.manager, self.fonts, self.colours)
        self.editor = EditorPane(lay.editor, self.settings, self.fonts, self.colours)
        self.preview = PreviewPane(lay.preview, self.fonts, self.colours)
        self.console = ConsolePane(lay.console, self.manager, self.fonts, self.colours)
        self.helper = HelperPane(lay.helper, self.manager, self.fonts, self.colours)
        self._game_buttons = self._make_game_buttons()

    GAME_BUTTONS = (("pause", "ui.preview.pause"), ("step", "ui.preview.step"))

    def _make_game_buttons(self):
        """Pause and Step sit in the preview's title strip, next to the game they control.

        They are made at their real size (a button resized while hidden shows stale text for a while)."""
        buttons = {}
        rects = self._game_button_rects()
        for action, key in self.GAME_BUTTONS:
            buttons[action] = pygame_gui.elements.UIButton(rects[action], tr(key), self.manager,
                                                           tool_tip_text=tr(key + "_tip"),
                                                           object_id="#small_button", visible=0)
        return buttons

    def _game_button_rects(self):
        title = self.layout.preview.title()
        x = title.right - 4
        rects = {}
        for action, key in reversed(self.GAME_BUTTONS):
            width = self.fonts.button_width(tr(key), 20)
            x -= width
            rects[action] = pygame.Rect(x, title.y + 2, width, title.h - 4)
            x -= 6
        return rects

    def _place_game_buttons(self, buttons) -> None:
        for action, rect in self._game_button_rects().items():
            buttons[action].set_relative_position(rect.topleft)
            buttons[action].set_dimensions(rect.size)

    def relayout(self, size) -> None:
        """The window changed size: every pane moves (nothing is rebuilt)."""
        from kidcoder.ui.toolbar import fitted_widths

        self.size = (max(1, size[0]), max(1, size[1]))
        self.manager.set_window_resolution(self.size)
        rows = toolbar_rows_needed(self.size[0], fitted_widths(self.fonts, self.size[0]))
        self.layout = compute_layout(*self.size, toolbar_rows=rows)
        lay = self.layout
        self.toolbar.set_box(lay.toolbar, lay.status)
        self.editor.set_box(lay.editor)
        self.preview.set_box(lay.preview)
        self.console.set_box(lay.console)
        self.helper.set_box(lay.helper)
        self._place_game_buttons(self._game_buttons)
        self.presenter.forget()

    def relabel(self) -> None:
        """After a language change."""
        self.toolbar.relabel()
        self.helper.relabel()
        self.console.relabel()
        for action, key in self.GAME_BUTTONS:
            self._game_buttons[action].set_text(tr(key))
        self.relayout(self.size)

    # ---- focus ------------------------------------------------------------------------------
    def focus_targets(self):
        return focusing.focus_order(self.toolbar.order, self.console.waiting, self.helper.more_button.visible,
                                    self.helper.fix_button.visible, self.toolbar.view_order)

    def set_focus(self, target: str) -> None:
        """Give the keyboard to a target; the game loses held keys when it loses the keyboard."""
        if self.focus == "preview" and target != "preview":
            for message in self.preview.release_keys():
                self.games.send_event(message)
        self.focus = target
        self.editor.focused = target == "editor"
        self.preview.focused = target == "preview"
        element = {"question": self.helper.question, "console": self.console.entry}.get(target)
        self.manager.set_focus_set(element)

    def focus_element(self, target: str):
        """The pygame-gui element (or pane rect owner) a target stands for, for the focus ring."""
        if target.startswith(("tb:", "vw:")):
            return self.toolbar.buttons.get(target[3:])
        return {"question": self.helper.question, "ask": self.helper.ask_button, "more": self.helper.more_button,
                "fix": self.helper.fix_button, "console": self.console.entry}.get(target)

    # ---- one frame --------------------------------------------------------------------------
    def step(self, dt: float = 1 / FPS) -> None:
        started = time.perf_counter()
        for event in pygame.event.get():
            self.handle_event(event)
        self.update(dt)
        self.draw()
        rects = self.presenter.present(self.screen, [self.layout.editor.right + 3])
        if self.on_present is not None:
            self.on_present(rects)
        self.frames += 1
        if self.frames == self.trim_at:
            from kidcoder.ui.dialogs import trim_heap

            trim_heap()
        if self.first_frame_at is None:
            self.first_frame_at = time.perf_counter()
        self.frame_times.append(time.perf_counter() - started)
        if len(self.frame_times) > 5000:
            del self.frame_times[:1000]

    def handle_event(self, event) -> None:
        from kidcoder.ui.events import route_event

        route_event(self, event)

    def update(self, dt: float) -> None:
        self.manager.update(dt)
        self.editor.update(dt)
        if self.editor.version != self._last_version:
            self._last_version = self.editor.version
            self.docs.edited()
            self.assist.program_changed()
        self.editor.modified = self.editor.view.buffer.modified
        self.docs.tick(self.editor.get_text, self.editor.modified)
        self.actions.drain()
        self._follow_game()
        if self.demo is not None:
            self.demo.tick(self)

    def _follow_game(self) -> None:
        games = self.games
        for message in games.poll():
            self.actions.game_message(message)
        game = games.game if games.state != "stopped" else None
        self.preview.refresh(game)
        self.preview.state = games.state
        if (games.live and game.size is None and not self.preview.message and game.started_at
                and time.monotonic() - game.started_at > NO_WINDOW_S):
            self.preview.message = tr("ui.preview.no_window")      # a program that only prints
        if game is not None:
            self.preview.caption = game.caption or self.preview.caption
            if self.frames % 15 == 0:
                self.preview.fps = game.fps()
            console = game.console
            seen = (len(console), console[-1] if console else "")
            if seen != self._console_seen:
                self._console_seen = seen
                self.console.set_lines(console)
        waiting = games.waiting_for_input
        if waiting != self.console.waiting:
            self.console.set_waiting(waiting)
            if waiting:
                self.set_focus("console")
            elif self.focus == "console":
                self.set_focus("editor")
        live = games.live
        self.toolbar.set_enabled("stop", live)
        for button in self._game_buttons.values():
            if live and not button.visible:
                button.show()
                button.rebuild()        # its size may have changed while hidden
            elif not live and button.visible:
                button.hide()
        self.preview.title_right = self._game_buttons["pause"].get_abs_rect().x if live else 0

    def draw(self) -> None:
        col = self.colours
        surface = self.screen
        surface.fill(col["background"])
        self.toolbar.draw_background(surface)
        self.editor.draw(surface)
        self.preview.draw(surface)
        self.console.draw(surface, active=self.focus == "console")
        self.helper.draw(surface, active=focusing.pane_of(self.focus) == "helper")
        self._draw_status(surface)
        self.manager.draw_ui(surface)
        self._draw_focus(surface)

    def _draw_status(self, surface) -> None:
        box = pygame.Rect(self.layout.status)
        pygame.draw.rect(surface, self.colours["status"], box)
        font = self.fonts.body
        hints = self.fonts.text(font, tr(KEY_HINTS), self.colours["status_text"])
        message = self.fonts.text(font, self.status or tr("ui.status.ready"), self.colours["status_text"])
        end = self.toolbar.view_left - 12               # the status bar's buttons start here
        right = end - hints.get_width()
        show_hints = right > box.x + 10 + message.get_width() + 20
        clip = surface.get_clip()
        surface.set_clip(pygame.Rect(box.x, box.y, max(0, (right - 20 if show_hints else end) - box.x), box.h))
        surface.blit(message, (box.x + 10, box.centery - message.get_height() // 2))
        surface.set_clip(clip)
        if show_hints:
            surface.blit(hints, (right, box.centery - hints.get_height() // 2))

    def _draw_focus(self, surface) -> None:
        ring = self.colours["focus"]
        if self.dialog is not None:
            self.dialog.draw_focus(surface, ring)
            return
        if self.focus == "editor":
            style.draw_focus_ring(surface, self.editor.rect, ring, 2)
        elif self.focus == "preview":
            style.draw_focus_ring(surface, self.preview.rect, ring, 3)
        else:
            element = self.focus_element(self.focus)
            if element is not None and element.visible:
                style.draw_focus_ring(surface, element.get_abs_rect(), ring)

    # ---- running ----------------------------------------------------------------------------
    def request_quit(self) -> None:
        self.actions.do("quit")

    def shutdown(self) -> None:
        """Stop every game, finish queued saves, end the worker threads."""
        self.games.close_all()
        self.assist.close()
        self.docs.close()
        self.worker.close(timeout=2.0)

    def run(self) -> int:
        clock = pygame.time.Clock()
        dt = 1 / FPS
        try:
            while self.running:
                self.step(dt)
                dt = clock.tick(FPS) / 1000.0
        except BaseException:
            self.rescue_work()
            raise
        finally:
            self.shutdown()
            pygame.quit()
        return self.exit_code

    def rescue_work(self) -> None:
        """KidCoder itself broke: keep the child's unsaved text in the autosave folder right now,
        so the next start offers it back."""
        try:
            if self.editor.view.buffer.modified:
                self.docs.doc.text = self.editor.get_text()
                self.docs.files.autosave(self.docs.doc)
        except Exception:
            pass


def _desktop_size():
    try:
        sizes = pygame.display.get_desktop_sizes()
    except (pygame.error, AttributeError):
        return None
    return sizes[0] if sizes else None


def run_app(argv=None) -> int:
    """Open the window (python main.py [program.py]); KIDCODER_DEMO names a scripted demo
    (see kidcoder.ui.demo)."""
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    app = App()
    programs = [arg for arg in args if arg.endswith(".py")]
    if programs:
        app.actions.open_file(os.path.abspath(programs[0]))   # a teacher's "python main.py lesson.py"
    demo = os.environ.get("KIDCODER_DEMO")
    if demo:
        from kidcoder.ui.demo import load_demo

        app.demo = load_demo(demo)
    return app.run()
