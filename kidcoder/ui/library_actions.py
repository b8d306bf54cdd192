"""The Pictures and Sounds commands: open a picker, copy the chosen file into the game's folder, add its code.

Everything slow runs on the background Worker: searching the library (the child
types), making the small pictures, playing a sound, copying a file, and copying the
library files a program names before it runs (so an example pasted in, or
"apple.png" changed to "banana.png", just works). The code goes in as one undo
step: one Ctrl+Z takes the whole picture back out.

A program that was never saved keeps its pictures in the projects folder, where
its first save puts it too; nothing is asked of the child.
"""
from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Dict, List

from kidcoder.i18n import tr
from kidcoder.ui import thumbnails as thumbs
from kidcoder.ui.shell import Shell

# The library, its pickers and the code they write load with the first picture, sound or Run, not
# with the window (start-up: docs/xo.md).
if TYPE_CHECKING:
    from kidcoder.making import code_lines

SEARCH, COPY, BEFORE_RUN, PLAY = "library_search", "library_copy", "library_files", "play_sound"
LANE, SOUND_LANE = "library", "sound"        # searching and copying share a lane; sounds have their own
KINDS = (SEARCH, COPY, BEFORE_RUN, PLAY, thumbs.KIND)


def insert_plan(buffer, plan: code_lines.InsertPlan) -> List[int]:
    """Put a plan's lines into the editor's buffer as one undo step, the same way code_lines.apply_plan does.

    Returns where each insertion's first line is afterwards (1-based, in the plan's order); the cursor
    goes to the end of the last insertion's last line (the line that draws or plays).
    """
    groups = plan.insertions
    firsts = [group.before + sum(len(other.lines) for number, other in enumerate(groups)
                                 if other.before < group.before or (other.before == group.before and number > index))
              for index, group in enumerate(groups)]
    with buffer.one_step("insert"):
        for group in sorted(groups, key=lambda item: item.before, reverse=True):
            text = "\n".join(group.lines)
            if group.before <= len(buffer.lines):
                buffer.set_cursor((group.before - 1, 0))
                buffer.insert_text(text + "\n", "insert")
            else:
                last = len(buffer.lines) - 1
                buffer.set_cursor((last, len(buffer.lines[last])))
                buffer.insert_text("\n" + text, "insert")
        if groups:
            line = firsts[-1] + len(groups[-1].lines) - 1
            buffer.set_cursor((line - 1, len(buffer.lines[line - 1])))
    return firsts


def added_message(entry, path: str, plan: code_lines.InsertPlan, firsts: List[int], lang: str) -> str:
    """What the helper says after a picture or sound went in: which lines load it and which use it."""
    from kidcoder.making import code_lines, library

    name = entry.name(lang)
    loading = [any(f'"{path}"' in line for line in group.lines) for group in plan.insertions]
    load = next((first for first, loads in zip(firsts, loading) if loads), None)
    use = next((first for first, loads in zip(firsts, loading) if not loads), None)
    if load is None and use is None:
        return tr("library.added.nothing", lang, name=name)
    if load is None:
        return tr("library.added.again", lang, name=name, use=use)
    if entry.role == "loop":
        return tr("library.added.music", lang, name=name, load=load)
    if use is None:
        code = code_lines.use_line(entry, plan.variable, "screen")
        return tr("library.added.loaded", lang, name=name, load=load, code=code)
    kind = "picture" if entry.kind == library.PICTURE else "sound"
    return tr(f"library.added.{kind}", lang, name=name, load=load, use=use)


def copy_library_files_for(path) -> List[str]:
    """Before a run: copy the library files the saved program names into its folder (on the worker)."""
    from kidcoder.making import project_files

    path = Path(path)
    return project_files.copy_library_files(path.read_text(encoding="utf-8"), path.parent)


class SoundPlayer:
    """Plays library sounds in the window's own process; only ever called on the Worker's sound lane."""

    def __init__(self):
        self._loaded: Dict[str, object] = {}

    def play(self, path: str) -> str:
        from kidcoder.ui.pygame_import import mixer

        sound_out = mixer()          # loaded now, the first time (the window starts without it)
        if not sound_out.get_init():
            sound_out.init()
        sound_out.stop()
        sound = self._loaded.get(path)
        if sound is None:
            sound = self._loaded[path] = sound_out.Sound(path)
        sound.play()
        return path

    def quiet(self) -> None:
        """The picker closed: stop, and give the sound device back (the child's game may want it)."""
        from kidcoder.ui.pygame_import import mixer, sound_loaded

        if sound_loaded() and mixer().get_init():
            mixer().stop()
            self._loaded.clear()
            mixer().quit()


class LibraryActions:
    """The "pictures" and "sounds" commands, and the library files copied before a program runs."""

    def __init__(self, shell: Shell, worker, docs, editor, helper, settings, colours):
        self.shell, self.worker, self.docs, self.editor, self.helper = shell, worker, docs, editor, helper
        self.settings, self.colours = settings, colours
        self.thumbnails = thumbs.Thumbnails(worker)
        self.player = SoundPlayer()
        self.picker = None                 # the open picker, if any
        self._starts: Dict[int, Callable] = {}
        self._numbers = itertools.count(1)
        self._sound_on = False

    # ---- commands ---------------------------------------------------------------------------------
    def pictures(self) -> None:
        from kidcoder.making import library

        self._open(library.PICTURE)

    def sounds(self) -> None:
        from kidcoder.making import library

        self._open(library.SOUND)

    def _open(self, kind: str) -> None:
        from kidcoder.making import library
        from kidcoder.ui.picture_picker import PicturePicker
        from kidcoder.ui.sound_picker import SoundPicker

        if self.shell.dialogs.current is not None:
            return
        lang = self.settings.language

        def search(text: str) -> None:
            self.worker.submit(SEARCH, library.search, text, kind, lang, lane=LANE, replace=True, tag=text)

        def make(manager, window_size, fonts):
            first = library.entries(kind)
            if kind == library.PICTURE:
                return PicturePicker(manager, window_size, fonts, self.colours, lang, search, first, self.thumbnails)
            return SoundPicker(manager, window_size, fonts, self.colours, lang, search, first, self.play)

        self.picker = self.shell.dialogs.show(make, self._picked)

    def play(self, entry) -> None:
        self._sound_on = True
        self.worker.submit(PLAY, self.player.play, str(entry.source), lane=SOUND_LANE)

    def project_folder(self) -> Path:
        """Where the program's pictures and sounds go: next to it, or the projects folder before its first save."""
        return Path(self.docs.path).parent if self.docs.path else Path(self.docs.files.folder)

    def before_run(self, start: Callable) -> Callable:
        """start(path), after the library files the saved program names are in its folder."""
        def then_start(path) -> None:
            number = next(self._numbers)
            self._starts[number] = lambda: start(path)
            self.worker.submit(BEFORE_RUN, copy_library_files_for, path, lane=LANE, tag=number)
        return then_start

    # ---- answers ------------------------------------------------------------------------------------
    def _picked(self, dialog) -> None:
        from kidcoder.making import project_files
        from kidcoder.ui.library_picker import INSERT

        self.picker = None
        self.thumbnails.stop()
        if self._sound_on:
            self._sound_on = False
            self.worker.submit(PLAY, self.player.quiet, lane=SOUND_LANE, report=False)
        if dialog.result == INSERT and dialog.chosen is not None:
            self.worker.submit(COPY, project_files.copy_into_project, dialog.chosen, self.project_folder(),
                               lane=LANE, tag=dialog.chosen)

    def result(self, result) -> None:
        """A result of this module's work on the Worker (its kind is one of KINDS)."""
        if result.kind == thumbs.KIND:
            if self.thumbnails.result(result) and self.picker is not None:
                self.picker.changed()
        elif result.kind == SEARCH:
            if self.picker is not None and result.ok and self.worker.is_latest(result):
                self.picker.show_results(result.tag, result.value)
        elif result.kind == COPY:
            self._copied(result)
        elif result.kind == BEFORE_RUN:
            start = self._starts.pop(result.tag, None)
            if start is not None:
                start()       # a file that could not be copied is the game's to report ("no such file")
        elif result.kind == PLAY and not result.ok:
            self.shell.say(tr("library.no_sound"))

    def _copied(self, result) -> None:
        entry, lang = result.tag, self.settings.language
        if not result.ok:
            self.helper.show(tr("ui.helper.problem_title"), tr("library.copy_failed", name=entry.name(lang)))
            return
        from kidcoder.making import code_lines

        view = self.editor.view
        source = view.buffer.get_text()
        plan = code_lines.plan_insert(source, entry, result.value, view.buffer.cursor[0] + 1, lang)
        firsts = insert_plan(view.buffer, plan)
        view.ensure_cursor_visible(center=True)
        self.helper.show(tr("library.added.title"), added_message(entry, result.value, plan, firsts, lang))
        self.shell.set_focus("editor")

    def tick(self) -> None:
        """Once a frame: the open picker searches for new letters and draws what changed."""
        if self.picker is not None and self.shell.dialogs.current is self.picker:
            self.picker.update()
