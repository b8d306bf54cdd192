""""Change my game": a one-line box under the preview where a child types "make the fish fall slower".

ChangePane is the box and its button (region "change", its place is Layout.change);
ChangeControl does the work. The request goes to the background Worker with the
program as it is (never worked on the UI thread): kidcoder.making.changes reads it with
the rules first and, only when they understand nothing, with the optional model, then
the changed program must still draw 60 frames. Back on the UI thread the edits go into
the editor as ONE undo step (Ctrl+Z takes the whole change back), each edit shown as a
before/after in the helper pane; a game running in the preview starts again with the
change. What cannot be done gets the rules' kind words ("I don't know how to change
that yet ...").

Plugging in (ui/app.py): ChangePane in PANES, `ChangeControl(assist.app, pane,
assist.stream.enrich, play.run)`, the command "change_game" bound to its submit(), worker
results of kind "change" sent to its result(), and the focus target "change" after
"preview" in the Tab order.
"""
from __future__ import annotations

from typing import Callable, List, Optional, Sequence, Tuple

import pygame
import pygame_gui

from kidcoder.i18n import tr
from kidcoder.ui.layout import Box, Layout
from kidcoder.ui.pane import Pane, PaneKit, move_element

KIND = "change"            # the Worker's kind for these jobs (and the focus target of the box)
MAX_SHOWN_LINES = 8


class ChangePane(Pane):
    """The one-line request box and its Change button, under the preview."""

    region = "change"
    ring_width = 2

    def __init__(self, layout: Layout, kit: PaneKit):
        super().__init__(layout, kit)
        boxes = self._boxes()
        self.entry = pygame_gui.elements.UITextEntryLine(pygame.Rect(boxes["entry"]), self.manager,
                                                         placeholder_text=tr("change_box.placeholder"),
                                                         object_id="#change_request")
        self.entry.length_limit = 160
        self.button = pygame_gui.elements.UIButton(pygame.Rect(boxes["button"]), tr("change_box.button"),
                                                   self.manager, tool_tip_text=tr("change_box.tip"),
                                                   object_id="#ask")
        self.busy = False

    def _boxes(self):
        box = self.box
        width = max(80, self.fonts.button_width(tr("change_box.button"), 24))
        height = max(1, box.h - 6)
        button = Box(box.right - width - 3, box.y + 3, width, height)
        return {"entry": Box(box.x + 3, box.y + 3, max(1, button.x - box.x - 9), height), "button": button}

    def set_box(self, box: Box) -> None:
        self.box = box
        boxes = self._boxes()
        move_element(self.entry, boxes["entry"])
        move_element(self.button, boxes["button"])

    def relabel(self) -> None:
        self.button.set_text(tr("change_box.button"))
        self.button.tool_tip_text = tr("change_box.tip")
        self.entry.placeholder_text = tr("change_box.placeholder")
        self.entry.rebuild()
        self.set_box(self.box)

    def action_for(self, element) -> Optional[str]:
        return "change_game" if element in (self.entry, self.button) else None

    def element_for(self, target: str):
        return self.entry if target == KIND else None

    def take_request(self) -> str:
        text = self.entry.get_text().strip()
        if text:
            self.entry.set_text("")
        return text

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        if busy:
            self.button.disable()
        else:
            self.button.enable()

    def draw(self, surface) -> None:
        pygame.draw.rect(surface, self.colours["pane"], pygame.Rect(self.box), border_radius=6)


# ---- what the child reads (pure text) -------------------------------------------------------

def changed_lines(edits: Sequence) -> Tuple[int, int]:
    """The first and last line the edits touch (1-based)."""
    lines = [edit.line for edit in edits]
    return min(lines), max(lines)


def before_after(edits: Sequence, lang: Optional[str] = None) -> str:
    """Each edit in words ("Line 19: FALL_SPEED was 3, now it is 2."), then the changed lines before and after
    (Markdown, numbered, without the comment after the value, which a change never touches)."""
    from kidcoder.codeparts import split_comment
    from kidcoder.making.changes import describe_edit   # pure; loaded with the first change

    ordered = sorted(edits, key=lambda edit: edit.line)[:MAX_SHOWN_LINES]
    width = len(str(ordered[-1].line))
    told = "\n".join(describe_edit(edit, lang or "en") for edit in ordered)
    before = "\n".join(f"{edit.line:>{width}}  {split_comment(edit.before)[0].rstrip()}" for edit in ordered)
    after = "\n".join(f"{edit.line:>{width}}  {split_comment(edit.after)[0].rstrip()}" for edit in ordered)
    return (f"{told}\n\n{tr('change_box.before', lang=lang)}\n```python\n{before}\n```\n"
            f"{tr('change_box.after', lang=lang)}\n```python\n{after}\n```")


def report(plan, lang: Optional[str] = None) -> str:
    """The words for a finished request: the change as a before/after, then the rules' words about it; or the
    rules' kind no."""
    if plan.status != "ok" or not plan.edits:
        return plan.message
    return f"{before_after(plan.edits, lang)}\n\n{plan.message} {tr('change_box.undo', lang=lang)}"


def change_job(request: str, source: str, lang: str, enrich=None):
    """On the Worker: (plan, changed program or None), read by the rules first and checked by a 60-frame run."""
    from kidcoder.making.changes import change_program

    return change_program(request, source, lang, enrich=enrich)


class ChangeControl:
    """Sends the box's request to the Worker and puts a checked change into the editor as one undo step.
    `app` is the helper's view of the window (shell.HelperContext); enrich() gives the model's blocking
    callable or None; rerun() starts the game again (Playing.run)."""

    def __init__(self, app, pane: ChangePane, enrich: Callable[[], Optional[Callable]], rerun: Callable[[], None]):
        self.app, self.pane = app, pane
        self.enrich, self.rerun = enrich, rerun
        self.applied: List[Tuple[int, int]] = []       # the line ranges of changes put in (tests read it)

    def submit(self) -> None:
        request = self.pane.take_request()
        app = self.app
        if not request:
            app.helper.show(tr("change_box.title"), tr("change_box.empty"))
            app.set_focus(KIND)
            return
        source = app.editor.get_text()
        lang = app.settings.language
        self.pane.set_busy(True)
        app.helper.show(tr("change_box.title"), f"«{request}»\n\n{tr('change_box.working')}")
        app.worker.submit(KIND, change_job, request, source, lang, self.enrich(), replace=True,
                          tag={"source": source, "request": request})

    def result(self, result) -> None:
        app = self.app
        if not app.worker.is_latest(result):
            return
        self.pane.set_busy(False)
        heading = f"«{result.tag['request']}»"
        lang = app.settings.language
        if not result.ok:
            app.helper.show(heading, tr("change_box.failed"))
            return
        plan, changed = result.value
        if changed is None:
            app.helper.show(heading, report(plan, lang))
            return
        if app.editor.get_text() != result.tag["source"]:
            app.helper.show(heading, tr("change_box.stale"))
            return
        first, last = changed_lines(plan.edits)
        new_lines = changed.split("\n")[first - 1:last]
        app.editor.view.buffer.replace_lines(first, last, "\n".join(new_lines))
        app.editor.view.goto_line(first)
        self.applied.append((first, last))
        app.helper.show(heading, report(plan, lang))
        if app.games.live:
            self.rerun()
