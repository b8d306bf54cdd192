"""The one window: builds the panes and the parts that act, routes every event, and draws a frame.

`App.step()` is one frame (events, background results, drawing); `run_app()`
loops it. The UI thread only draws and drains queues: files, hints, answers,
games being stopped and the search index all work on background threads.
The App is the one place that knows every part. It gives each what it needs (a
pane its box and a PaneKit; a command module the panes it changes and a Shell),
never itself. Panes are a table (PANES), commands are a table (actions.COMMANDS).
"""
from __future__ import annotations

import os
import time
from collections import deque
from typing import Optional

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")     # (the window's mode: splash.window_surface)

import pygame  # noqa: E402
from kidcoder.ui.gui_start import first_update, new_manager  # noqa: E402  (first: pygame-gui without yaml)

from kidcoder.background import Worker  # noqa: E402
from kidcoder.config import Settings, load_settings  # noqa: E402
from kidcoder.i18n import set_key_names, set_language  # noqa: E402
from kidcoder.ui import style  # noqa: E402
from kidcoder.runner.smoothscale import use_safe_smoothscale  # noqa: E402
from kidcoder.ui.actions import Actions  # noqa: E402
from kidcoder.ui.assist import Assist  # noqa: E402
from kidcoder.ui.change_box import ChangeControl, ChangePane  # noqa: E402
from kidcoder.ui.console_pane import ConsolePane  # noqa: E402
from kidcoder.ui.demo import DemoWindow  # noqa: E402
from kidcoder.ui.dialog_host import DialogHost  # noqa: E402
from kidcoder.ui.dock import CONSOLE, HELPER  # noqa: E402
from kidcoder.ui.dock_panes import DockPanes  # noqa: E402
from kidcoder.ui.documents import DocumentKeeper  # noqa: E402
from kidcoder.ui.editor_pane import EditorPane  # noqa: E402
from kidcoder.ui.events import EventRouter  # noqa: E402
from kidcoder.ui.file_actions import FileActions, starter_program  # noqa: E402
from kidcoder.ui.focus import focus_order, next_pane  # noqa: E402
from kidcoder.ui.frame_only import FrameOnly  # noqa: E402
from kidcoder.ui.game_control import GameControl  # noqa: E402
from kidcoder.ui.helper_links import HelperLinks  # noqa: E402
from kidcoder.ui.helper_pane import HelperPane  # noqa: E402
from kidcoder.ui.key_alone import KeyAlone  # noqa: E402
from kidcoder.ui.keyboard import TEXT_TARGETS, Keyboard  # noqa: E402
from kidcoder.ui.layout import Layout, compute_layout, initial_size, picture_area, toolbar_rows_needed  # noqa: E402
from kidcoder.ui.more_actions import MoreActions  # noqa: E402
from kidcoder.ui.pane import PaneKit, build_panes  # noqa: E402
from kidcoder.ui.playing import Playing  # noqa: E402
from kidcoder.ui.present import Presenter  # noqa: E402
from kidcoder.ui.preview_pane import PreviewPane  # noqa: E402
from kidcoder.ui.redraw import (CARET_WAKE_S, EVERYTHING, FPS, NOTHING, PICTURE, WHOLE, WORK_WAKE_S, GuiTicker,  # noqa: E402
                                Pacer, run_loop, screen_key, uncovered)
from kidcoder.ui.shell import HelperContext, Shell  # noqa: E402
from kidcoder.ui.splash import desktop_size, window_shown, window_surface  # noqa: E402
from kidcoder.ui.sugar_actions import in_sugar  # noqa: E402
from kidcoder.ui.sugar_keys import shell_key_names  # noqa: E402
from kidcoder.ui.toolbar import Toolbar, fitted_widths  # noqa: E402
from kidcoder.ui.view_actions import ViewActions  # noqa: E402
from kidcoder.ui.window_looks import WindowLooks  # noqa: E402

PANES = (Toolbar, EditorPane, PreviewPane, ChangePane, HelperPane, ConsolePane)     # in drawing order
SEEN_RESULTS = frozenset(("hint", "ask"))    # background results the screen's key sees whole (redraw.py)


class App:
    """The KidCoder window. Tests build one on the dummy video driver and call step()."""

    def __init__(self, settings: Optional[Settings] = None, size=None, files=None, window_flags: int = 0,
                 between=lambda: None):      # between(): after each slow part (ui/early.py takes keys then)
        self.settings = settings if settings is not None else load_settings()
        set_language(self.settings.language)
        set_key_names(shell_key_names() if in_sugar() else {})     # Sugar's shell keeps F1-F6: say Ctrl keys
        pygame.display.init()
        pygame.font.init()
        use_safe_smoothscale(pygame)        # armv7l: before pygame-gui scales its first picture (docs/xo.md)
        if size is None:
            size = initial_size(desktop_size())
        self.screen = window_surface(size, window_flags)       # the first picture's window, kept
        pygame.display.set_caption("KidCoder")
        pygame.key.set_repeat(400, 35)
        pygame.key.start_text_input()
        self.size = self.screen.get_size()
        self.colours = style.colours(self.settings.theme)
        scale = style.zoom_scale(self.settings.font_size)
        self.fonts = style.Fonts(scale)
        self.manager = new_manager(self.size, style.scaled_theme(self.settings.theme, scale), self.settings.language)
        style.add_mono_font(self.manager, self.fonts.mono_px)
        self.layout = self._lay_out(playing=False)
        kit = PaneKit(self.manager, self.fonts, self.colours, self.settings)
        self.panes = build_panes(PANES, self.layout, kit, between)
        self.toolbar, self.editor, self.preview, self.console, self.helper = (
            self.panes[region] for region in ("toolbar", "editor", "preview", "console", "helper"))
        self.running, self.exit_code = True, 0
        self.frame_times = deque(maxlen=5000)   # seconds per frame drawn, of our own work (benchmarks read it)
        self.frames = self.drawn = 0     # steps (at the game's pace while one plays); steps that sent a picture
        self._held_events: list = []     # the events the loop woke up for (see redraw.run_loop)
        self.first_frame_at: Optional[float] = None
        self.on_present = self.demo = None   # benchmarks: on_present(rects sent) after each present
        self.presenter = Presenter()
        self.pacer = Pacer(lambda: screen_key(self.panes.values(), self.manager, id(self.dialogs.current), self.layout,
                                              ring=self.keyboard.ring()),
                           self._pace, self.editor.view.blink_due_s,
                           self.preview.picture_only, lambda rect: uncovered(rect, self.manager))
        self.gui = GuiTicker(self.manager, self.pacer, first_update, calm=lambda: not self.helper.laying_out)
        self._build_parts(files)
        self.frame_only = FrameOnly(self.pacer, self.preview, self.games, self._quiet, self.gui.due)
        self.key_alone = KeyAlone(self.pacer, self.frame_only, self.editor, self.preview, self.games, self.keyboard,
                                  self.manager, lambda: self.helper.fix_button.visible, self._quiet, self.draw,
                                  self.presenter, lambda rects: self.on_present and self.on_present(rects))
        self._last_version = self.editor.version
        self.files.start_up()       # the index check and the model start after the first frame (step)

    def _build_parts(self, files) -> None:
        """The parts that act (games, documents, the helper's work, the commands), each given what it uses."""
        editor, preview, console, helper = self.editor, self.preview, self.console, self.helper
        self.worker = Worker()
        self.games = GameControl(self.settings, self.worker)
        self.games.screen_size = self._play_size()      # what a full-screen game fills
        self.docs = DocumentKeeper(files)
        self.keyboard = Keyboard(self.panes.values(), self.manager, self._focus_order, self._release_game_keys)
        self.dock = DockPanes(helper, console, editor, self.keyboard)
        self.dialogs = DialogHost(self.manager, self.fonts, lambda: self.size, self._dialog_closed)
        shell = Shell(say=self._say, set_focus=self.keyboard.set, focus=lambda: self.keyboard.target,
                      quit=lambda: self.finish(self.exit_code), dialogs=self.dialogs)
        self.assist = Assist(HelperContext(shell, editor, helper, self.worker, self.games, self.docs, self.settings,
                                           open_file=lambda path: self.files.open_file(path),
                                           open_new=lambda text, hint: self.files.open_new_program(text, hint),
                                           preview=preview))
        self.playing = play = Playing(self.games, self.docs, self.assist, shell, self.toolbar, editor, preview,
                                      console, helper, game_over=lambda: self.files.remember_frame(),
                                      shown_name=lambda: self.files.shown_name())
        self.more = more = MoreActions(shell, self.worker, self.docs, editor, helper, self.settings, self.colours,
                                       open_file=lambda path: self.files.open_file(path),
                                       save=lambda: self.files.save(), do=lambda name: self.actions.do(name))
        self.change = ChangeControl(self.assist.app, self.panes["change"], self.assist.stream.enrich, play.run)
        self.files = files = FileActions(shell, self.docs, self.games, self.worker, self.settings, editor, helper,
                                         preview, console, start_game=more.library.before_run(play.start),
                                         make_game=self.assist.make_game)
        looks = WindowLooks(self.settings, self.manager, self.fonts, self.colours, self.panes, self.assist,
                            relayout=lambda: self.relayout(self.size), forget=self.pacer.forget)
        view = ViewActions(shell, self.settings, self.worker, editor, relabel=looks.relabel, restyle=looks.restyle,
                           rescale=looks.rescale)
        links = HelperLinks(shell, editor, helper, starter=lambda: starter_program(self.settings.language))
        self.actions = Actions({
            "new": files.new, "open": files.open, "save": files.save, "examples": files.examples,
            "make_game": files.make_game, "quit": files.quit, "save_as": files.save_as, "rename": files.rename,
            "whole_message": console.toggle_whole, "run": play.run, "stop": play.stop, "pause": play.pause,
            "step": play.step, "send_input": play.send_input, "help": self.assist.more_help,
            "apply_fix": self.assist.apply_fix, "ask": lambda: self.keyboard.set("question"),
            "send_question": lambda: self.assist.ask(helper.question.get_text()), "change_game": self.change.submit,
            "find": view.find, "goto": view.goto, "zoom_in": view.zoom_in, "zoom_out": view.zoom_out,
            "zoom_reset": view.zoom_reset,
            "language": view.language, "contrast": view.contrast,
            "show_helper": lambda: self.dock.choose(HELPER), "show_console": lambda: self.dock.choose(CONSOLE),
            "put_example": links.put_example, "copy_example": links.copy_example, "tell_more": links.tell_more,
            "read_source": links.read_source,
            "next_pane": lambda: self._move_to_pane(1), "previous_pane": lambda: self._move_to_pane(-1),
            **more.commands(),
        }, open_file=files.open_file, open_example=files.open_example)
        self.router = EventRouter(self.panes, self.keyboard, self.actions, self.games, self.manager, self.dialogs,
                                  on_resize=self.resize, on_exposed=self.pacer.forget)
        self._demo_window = DemoWindow(files.open_example, self.actions.do, self.keyboard.set, self.finish, self.docs,
                                       self.games, preview, self.screen, self.dialogs, text=editor.get_text,
                                       dialog=lambda: getattr(self.dialogs.current, "name", None),
                                       set_text=editor.set_text, helper=helper)

    # ---- what tests, benchmarks and scripts read --------------------------------------------
    @property
    def focus(self) -> str:
        """The keyboard focus target (see focus.py)."""
        return self.keyboard.target

    def set_focus(self, target: str) -> None:
        self.keyboard.set(target)

    @property
    def dialog(self):
        """The open dialog, or None."""
        return self.dialogs.current

    @property
    def status(self) -> str:
        return self.toolbar.message

    @property
    def theme(self) -> str:
        return self.settings.theme

    def finish(self, exit_code: int = 0) -> None:
        """Close the window after this frame, with this exit code."""
        self.exit_code, self.running = exit_code, False

    # ---- the window's own doings ------------------------------------------------------------
    def _lay_out(self, playing: Optional[bool] = None, game_size=None) -> Layout:
        """The panes at the window's size; the game big while one plays, at its own size when it fits
        (see layout.compute_layout)."""
        rows = toolbar_rows_needed(self.size[0], fitted_widths(self.fonts, self.size[0]))
        if playing is None:
            playing, game_size = self.playing.laid_out_for()
        return compute_layout(*self.size, toolbar_rows=rows, change_row=any(pane.region == "change" for pane in PANES),
                              playing=playing, game_size=game_size)

    def _follow_layout(self) -> None:
        """A game started, stopped or said its size: the panes move (the game grows while it plays)."""
        if self.playing.laid_out_for() != (self.layout.playing, self.layout.game_size):
            self.relayout(self.size)

    def resize(self, size) -> None:
        if tuple(size) != tuple(self.size):
            self.relayout(size)

    def relayout(self, size) -> None:
        """The window changed size: every pane moves (nothing is rebuilt)."""
        self.size = (max(1, size[0]), max(1, size[1]))
        self.manager.set_window_resolution(self.size)
        self.layout = self._lay_out()
        for pane in self.panes.values():
            pane.place(self.layout)
        self.games.screen_size = self._play_size()
        self.pacer.forget()

    def _play_size(self):
        """The picture's size in the preview while a game plays (a full-screen game gets it)."""
        area = picture_area(self._lay_out(playing=True).preview, playing=True)
        return area.w, area.h

    def _say(self, text: str) -> None:
        self.toolbar.message = text

    def _focus_order(self):
        helper = self.helper
        return focus_order(self.toolbar.order, self.console.waiting and self.console.shown,
                           helper.more_button.visible, helper.fix_button.visible, self.toolbar.view_order,
                           tabs=self.dock.focus_targets(), helper_shown=helper.shown, change_box=True)

    def _move_to_pane(self, step: int) -> None:
        self.keyboard.set(next_pane(self._focus_order(), self.keyboard.target, step))

    def _release_game_keys(self) -> None:
        for message in self.preview.release_keys():
            self.games.send_event(message)

    def _dialog_closed(self) -> None:
        target = self.keyboard.target
        self.keyboard.set(target if target in TEXT_TARGETS else "editor")

    # ---- one frame --------------------------------------------------------------------------
    def step(self, dt: float = 1 / FPS) -> None:
        """One frame: events, background results, then drawing only what changed (see redraw.py); while only
        the game's picture changes, its new frame alone (frame_only.py); keys for the editor alone, its
        changed rows (key_alone.py)."""
        started = time.perf_counter()
        rects = None if self._held_events else self.frame_only.show(self.screen, dt, started)
        if rects is None:
            events = [*self._held_events, *pygame.event.get()]
            self._held_events.clear()
            self.gui.saw(events)
            alone = self.key_alone.ready(events, started, dt)
            for event in events:
                self.handle_event(event)
            rects = self.key_alone.show(self.screen, dt, started, self._follow_edits) if alone else None
        if rects is not None:
            self.frames += 1
            return self._sent(rects, started, costed=False) if rects else None
        dt += self.frame_only.owed(started)
        shown = self.preview.frames_drawn
        results = self.update(dt)
        what, rects = self.pacer.choose(events, results, self.preview.frames_drawn != shown)
        self.frames += 1
        self.dialogs.tick()
        if what == WHOLE:
            self.presenter.forget()             # after a resize or a theme change: the whole frame goes out
        if what == NOTHING:
            return self.pacer.spent(time.perf_counter() - started)
        if what in (EVERYTHING, WHOLE):
            self.draw()
            return self._sent(self.presenter.present(self.screen, [self.layout.editor.right + 3]), started, True)
        for rect in rects:      # a new game frame is only blitted (see Pacer.choose)
            self.preview.show_picture(self.screen) if what == PICTURE or rect == self.pacer.picture else self.draw(rect)
        self._sent(rects, started)

    def _sent(self, rects, started: float, presented: bool = False, costed: bool = True) -> None:
        """The frame's rects go to the screen (presented: the Presenter sent them); who waits is told. costed:
        its time moves the Pacer's estimate of a frame's cost (not a game's frame alone: redraw.SHORT_CPU_S and
        GIVE_WAY weigh the window's whole steps)."""
        if not presented:
            for rect in rects:
                self.presenter.touched(rect)
            pygame.display.update(rects)
        self.drawn += 1
        if self.on_present is not None:
            self.on_present(rects)
        if self.first_frame_at is None:     # the index check and the model's imports, on the worker, would
            self.first_frame_at, _ = time.perf_counter(), self.assist.start_index()   # slow this frame
            window_shown()                  # the garbage collector waited since the splash
        self.frame_times.append(time.perf_counter() - started)
        if costed:
            self.pacer.spent(self.frame_times[-1])

    def _pace(self) -> Optional[float]:
        """How often to look while something goes on: a game or a dialog (full pace), background work, the
        blinking caret of a text line that has the keys."""
        if self.games.live or self.dialogs.current is not None or self.helper.laying_out:
            return 1 / FPS
        return WORK_WAKE_S if self._busy() else CARET_WAKE_S if self.keyboard.target in TEXT_TARGETS else None

    def _busy(self) -> bool:
        """Background work goes on: a file, a hint, an answer streaming in."""
        return self.worker.busy or self.docs.pending_saves or self.assist.stream.request_id is not None

    def _quiet(self) -> bool:
        """Nothing but a game wants the window (frame_only.py): no dialog, no helper's text being laid out or
        streamed in, no background results waiting (work still going on, such as the search index's check held
        while a game plays, need not be looked at until it comes back)."""
        return (self.dialogs.current is None and not self.helper.laying_out and self.assist.stream.request_id is None
                and not self.worker.waiting() and not self.docs.results_waiting())

    def handle_event(self, event) -> None:
        self.router.route(event)

    def update(self, dt: float) -> bool:
        """Everything but drawing; True when background work came back (files, a new game; not the helper's
        hints and answers: all they change is in the screen's key, so only those parts are drawn)."""
        self.gui.tick(dt)
        laying = self.helper.laying_out         # its text's next pieces (and its end) are looked at this frame
        for pane in self.panes.values():
            pane.update(dt)
        self._follow_edits()
        self.docs.tick(self.editor.get_text, self.editor.modified)
        files_done = self.docs.poll()
        for result in files_done:
            self.files.file_result(result)
        work_done = self.worker.poll()
        for result in work_done:
            if result.kind == "copy_example":
                self.files.example_copied(result)
            elif self.more.takes(result):
                self.more.result(result)
            elif result.kind == "change":
                self.change.result(result)
            else:
                self.assist.result(result)
        self.more.tick()
        self.assist.stream.drain()
        self.playing.follow(self.frames, before_frame=self._follow_layout)
        self._follow_layout()                   # the game grows while it plays, the helper while it does not
        self.dock.follow()
        if self.demo is not None:
            self.demo.tick(self._demo_window)
        if laying or any(result.kind in SEEN_RESULTS for result in work_done):
            self.pacer.look_now = True          # not once a LOOK_EVERY_S: while a game plays, at once
        return bool(files_done or [result for result in work_done if result.kind not in SEEN_RESULTS])

    def _follow_edits(self) -> None:         # the text changed: the autosave's clock starts again, a fix goes
        if self.editor.version != self._last_version:
            self._last_version = self.editor.version
            self.docs.edited()
            self.assist.program_changed()

    def draw(self, part: Optional[pygame.Rect] = None) -> None:
        """Draw the window, or only what lies in part (every pane and element there, clipped to it)."""
        surface = self.preview.keep(self.screen, part)      # a game's picture that lives in the window is kept
        surface.set_clip(part)
        surface.fill(self.colours["background"])
        for pane in self.panes.values():
            if part is None or part.collidelist(pane.parts()) >= 0:
                pane.draw(surface)
        self.manager.draw_ui(surface)
        if self.dialogs.current is not None:
            self.dialogs.draw_focus(surface, self.colours["focus"])
        else:
            self.keyboard.draw_ring(surface, self.colours["focus"])
        surface.set_clip(None)

    # ---- running ----------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop every game, finish queued saves, end the worker threads."""
        self.games.close_all()
        self.assist.close()
        self.docs.close()
        self.worker.close(timeout=2.0)

    def run(self) -> int:
        """Step until the window closes, sleeping between frames until something is due (redraw.Pacer)."""
        try:
            run_loop(self.step, self.pacer.wait_s, lambda: self.running, self._held_events.extend,
                     self.playing.frame_due, self.playing.frame_bell, self.pacer.slice_s)
        except BaseException:
            self.rescue_work()
            raise
        finally:
            self.shutdown()
            pygame.quit()
        return self.exit_code

    def rescue_work(self) -> None:
        """KidCoder itself broke: the child's unsaved text is kept for the next start (documents.py)."""
        self.docs.rescue(self.editor)
