"""The helper's work for the window: hints after a game error, answers, new games, the search index.

Each call runs on the worker (they run programs and searches: 0.1-5 s); results
come back through `result()` and only the newest of each kind is shown. A game
error marks its line at once from the traceback; the hint ladder's level-1 words
replace that text when the diagnosis arrives.
"""
from __future__ import annotations

from typing import Optional

from kidcoder.i18n import tr


def error_summary(error) -> str:
    """A short, kind first line about a game error, before the helper's diagnosis arrives."""
    name = str(getattr(error, "type", "") or "").rsplit(".", 1)[-1] or tr("ui.error.unknown")
    return tr("ui.error.marker", type=name)


class Assist:
    """Hint ladder state and the background requests of the helper pane. `app` is the helper's
    view of the window (shell.HelperContext), not the App."""

    def __init__(self, app):
        self.app = app
        self.level = 1
        self.hint_source: Optional[str] = None
        self.index_ready = False
        from kidcoder.ui.model_stream import ModelStream

        self.stream = ModelStream(app)
        self.indexer = IndexBuilder()

    # ---- the search index -------------------------------------------------------------------
    def start_index(self) -> None:
        self.app.status = tr("ui.status.index_building")
        self.app.worker.submit("index", self.indexer.run)
        self.stream.start()

    # ---- game errors and hints --------------------------------------------------------------
    def game_starting(self) -> None:
        self.level = 1
        self.hint_source = None

    def game_error(self, error) -> None:
        app = self.app
        line = getattr(error, "line", None)
        summary = error_summary(error)
        if line:
            app.editor.view.set_error_marker(int(line), summary)
            app.helper.show(tr("ui.helper.hint_title_line", line=line), tr("ui.helper.looking", line=line))
        else:
            app.helper.show(tr("ui.helper.hint_title"), tr("ui.helper.looking_no_line"))
        app.set_focus("editor")
        self.request_hint(1)

    def request_hint(self, level: int) -> None:
        app = self.app
        self.level = level
        source = app.editor.get_text()
        self.hint_source = source
        app.helper.busy = True
        path = str(app.docs.path) if app.docs.path else None
        app.worker.submit("hint", _hint, source, path, level, app.settings.language, replace=True,
                          tag={"source": source, "level": level})

    def more_help(self) -> None:
        """F1 / More help: the next level of the ladder (or a first look when there is no hint yet)."""
        helper = self.app.helper
        if helper.hint is None or helper.hint.get("ok") or self.hint_source != self.app.editor.get_text():
            self.request_hint(1)
        else:
            self.request_hint(min(3, self.level + 1))

    def apply_fix(self) -> None:
        """Put the checked fix into the program as one undo step (Ctrl+Z takes it back)."""
        app = self.app
        fix = (app.helper.hint or {}).get("fix")
        if not fix:
            return
        try:
            app.editor.view.buffer.replace_lines(int(fix["start_line"]), int(fix["end_line"]),
                                                 str(fix["replacement"]))
        except (ValueError, KeyError, TypeError):
            app.helper.show(tr("ui.helper.problem_title"), tr("ui.helper.fix_stale"))
            return
        app.editor.view.clear_error_marker()
        app.editor.view.goto_line(int(fix["start_line"]))      # the fixed line from its start, never a chopped view
        app.editor.view.ensure_cursor_visible(center=True)
        app.helper.forget_hint()
        app.helper.show(tr("ui.helper.fixed_title"), tr("ui.helper.fixed"))
        if not app.games.live and app.preview is not None:
            app.preview.message = tr("ui.preview.fixed")       # not "stopped because of a problem" any more
            app.status = tr("ui.preview.fixed")
        app.set_focus("editor")

    def program_changed(self) -> None:
        """The child typed: an old fix no longer fits (the hint text may stay), a model answer stops."""
        if self.stream.request_id is not None and self.app.helper.hint is not None:
            self.stream.cancel()
        self.app.helper.hide_fix()

    # ---- questions and new games ------------------------------------------------------------
    def ask(self, question: str, in_window_language: bool = False) -> None:
        """Ask a question (in_window_language: answer in the window's language whatever the question's)."""
        app = self.app
        question = question.strip()
        if not question:
            app.set_focus("question")
            return
        app.helper.busy = True
        app.helper.show(tr("ui.helper.question_title"), question + "\n\n" + tr("ui.helper.thinking"))
        answer_in = app.settings.language if in_window_language else None
        app.worker.submit("ask", _ask, question, app.settings.language, answer_in, replace=True, tag=question)

    def make_game(self, description: Optional[str]) -> None:
        if not description:
            return
        app = self.app
        app.helper.busy = True
        app.helper.show(tr("ui.make.title"), tr("ui.make.working"))
        app.worker.submit("generate", _generate, description, app.settings.language, replace=True)

    # ---- results ----------------------------------------------------------------------------
    def result(self, result) -> None:
        app = self.app
        if result.kind == "model-open":
            self.stream.opened(result)
            return
        if result.kind == "index":
            self.index_ready = result.ok and result.value == 0
            app.status = tr("ui.status.index_ready") if self.index_ready else tr("ui.status.index_failed")
            return
        if result.kind not in ("hint", "ask", "generate"):
            return
        if not app.worker.is_latest(result):
            return
        app.helper.busy = False
        if not result.ok:
            if result.kind == "generate":
                app.helper.show(tr("ui.make.title"), tr("ui.make.failed"))
            else:
                app.helper.show(tr("ui.helper.problem_title"), tr("ui.helper.failed"))
            return
        if result.kind == "hint":
            if result.tag["source"] != self.hint_source:
                return          # the child pressed Run again since: this hint is about an old game
            self._hint_arrived(result.value, result.tag["level"])
        elif result.kind == "ask":
            self._answer_arrived(result.tag, result.value)
        else:
            self._game_arrived(result.value)

    def _hint_arrived(self, hint, level: int) -> None:
        app = self.app
        app.helper.show_hint(hint.as_contract(), level, source=self.hint_source)
        line = hint.finding.line if hint.finding is not None else None
        if line and self.hint_source == app.editor.get_text():
            app.editor.view.set_error_marker(int(line), hint.message)
        if hint.facts is not None and self.hint_source:
            self.stream.request(hint.facts, app.helper.heading, app.helper.text)

    def _answer_arrived(self, question: str, answer) -> None:
        self.app.helper.show_answer(question, answer.text, answer.sources)
        if answer.facts is not None:
            self.stream.request(answer.facts, question, answer.text)

    def ask_again(self, page) -> None:
        """The language changed: the hint or the answer on the helper's page, asked for again in it."""
        from kidcoder.ui.helper_page import ANSWER, HINT

        if page.kind == HINT and self.hint_source == self.app.editor.get_text():
            self.request_hint(self.level)
        elif page.kind == ANSWER and page.question:
            self.ask(page.question, in_window_language=True)

    def _game_arrived(self, made: dict) -> None:
        app = self.app
        source = made.get("source") if isinstance(made, dict) else None
        if not source:
            app.helper.show(tr("ui.make.title"), tr("ui.make.failed"))
            return
        app.open_new(str(source), str(made.get("description", "")))    # named when first saved
        app.helper.show(tr("ui.make.title"), tr("ui.make.done"))

    def close(self) -> None:
        self.indexer.stop()
        self.stream.close()


# ---- the calls themselves (they run on the worker thread) -------------------------------------

class IndexBuilder:
    """Makes sure the search index exists, building it in its own low-priority process.

    A Python thread building it would take the interpreter lock from the UI thread for
    seconds; opening a built index is quick. stop() ends a build still running at quit, and
    a build the worker had not begun yet never starts (a window closed in its first frames
    must not leave an index process behind, using the laptop's one core).
    run() returns the build's exit code (0: the index is ready; -1: stopped before it began).
    """

    TIMEOUT_S = 300     # of its own running time (not the time it waits while a game plays)

    def __init__(self):
        import threading

        self.process = None
        self._held = None       # the process stopped while a game plays
        self.stopped = False
        self._lock = threading.Lock()

    def run(self) -> int:
        import os
        import subprocess
        import sys

        nice = (lambda: os.nice(10)) if hasattr(os, "nice") else None   # the game and the UI come first
        with self._lock:
            if self.stopped:
                return -1
            self.process = subprocess.Popen([sys.executable, "-m", "kidcoder", "index"], stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL, preexec_fn=nice)
        ran = 0.0
        while True:
            try:
                return self.process.wait(timeout=1.0)
            except subprocess.TimeoutExpired:
                ran += 0.0 if self._held is self.process else 1.0
                if ran >= self.TIMEOUT_S:
                    self.process.kill()
                    self.process.wait()
                    raise

    def hold(self, playing: bool) -> None:
        """While a game plays the build waits, stopped: on a short CPU (an XO) even a niced process takes the
        game's share when the game sleeps between frames. It goes on when no game plays."""
        import signal

        process = self.process
        if process is None or process.poll() is not None or (self._held is process) == playing:
            return
        if not hasattr(signal, "SIGSTOP"):
            return
        process.send_signal(signal.SIGSTOP if playing else signal.SIGCONT)
        self._held = process if playing else None
        # The index is opened in this process only when the child first asks something
        # (answer.ask opens it on the worker): until then its ~15 MB stay free.

    def stop(self) -> None:
        with self._lock:
            self.stopped = True
            process = self.process
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()


def _hint(source: str, path, level: int, lang: str):
    """The rules' hint (a helper.hints.Hint); its facts go to the optional model afterwards.

    The checked fix (its probe runs, up to a few mends in a chain) is looked for only at level 3,
    where the window offers it: a nudge or an explanation comes back in one probe's time."""
    from kidcoder.helper.hints import find_hint

    return find_hint(source, path, level, lang, check_fix=level >= 3)


def _ask(question: str, lang: str, answer_in=None):
    """The rules' answer (a helper.answers.Answer); its facts go to the optional model afterwards."""
    from kidcoder.helper.answers import answer_question
    from kidcoder.knowledge.index import shared_index

    return answer_question(question, lang, index=shared_index(), answer_in=answer_in)


def _generate(description: str, lang: str) -> dict:
    """A checked game for the description, not saved (the child names it); the pictures and sounds it
    loads are copied into the projects folder, where it will run."""
    from kidcoder import paths
    from kidcoder.making.generate import make_game_source
    from kidcoder.making.project_files import copy_library_files

    made = make_game_source(description, lang)
    copy_library_files(str(made["source"]), paths.projects_dir())
    return {"source": made["source"], "description": description}
