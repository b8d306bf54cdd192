"""The helper pane: hints about the child's program, answers to questions, and a box to ask one.

Text shows in a pygame-gui UITextBox (it wraps and scrolls); everything it shows
is already translated. The pane remembers the last hint so "More help" can climb
the hint ladder (level 1 nudge, 2 explanation, 3 the fix) and "Fix it" can apply
the checked fix as one undo step.
"""
from __future__ import annotations

from typing import Optional

import pygame
import pygame_gui

from kidcoder.i18n import tr
from kidcoder.ui.fix_preview import before_after
from kidcoder.ui.layout import TITLE_H, Box, Layout
from kidcoder.ui.pane import Pane, PaneKit, move_element
from kidcoder.ui.richtext import to_html
from kidcoder.ui.style import draw_title

ASK_ROW_H = 46
SMALL_BUTTON_H = TITLE_H - 4


class HelperPane(Pane):
    """Hint and answer text, More help / Fix it buttons, and the question box."""

    region = "helper"

    def __init__(self, layout: Layout, kit: PaneKit):
        super().__init__(layout, kit)
        manager = self.manager
        self.heading = ""
        self.text = ""
        self.greeting = False                # the welcome is shown (it follows a language change)
        self.hint: Optional[dict] = None     # the last hint_for_program() result
        self.level = 1
        self.busy = False
        boxes = self._boxes()
        self.text_box = pygame_gui.elements.UITextBox("", pygame.Rect(boxes["text"]), manager,
                                                      object_id="#helper_text")
        self.question = pygame_gui.elements.UITextEntryLine(pygame.Rect(boxes["question"]), manager,
                                                            placeholder_text=tr("ui.helper.placeholder"),
                                                            object_id="#question")
        self.question.length_limit = 300
        self.ask_button = pygame_gui.elements.UIButton(pygame.Rect(boxes["ask"]), tr("ui.helper.ask"), manager,
                                                       tool_tip_text=tr("ui.helper.ask_tip"), object_id="#ask")
        self.more_button = pygame_gui.elements.UIButton(pygame.Rect(boxes["more"]), tr("ui.helper.more"), manager,
                                                        tool_tip_text=tr("ui.helper.more_tip"),
                                                        object_id="#small_button")
        self.fix_button = pygame_gui.elements.UIButton(pygame.Rect(boxes["fix"]), tr("ui.helper.fix"), manager,
                                                       tool_tip_text=tr("ui.helper.fix_tip"),
                                                       object_id="#small_button")
        self.more_button.hide()
        self.fix_button.hide()
        self.greet()

    def _boxes(self, fix_shown: bool = False):
        title = self.box.title()
        body = self.box.below_title()
        ask_w = max(90, self.fonts.button_width(tr("ui.helper.ask")))
        row_y = body.bottom - ASK_ROW_H + 4
        more_w = self.fonts.button_width(tr("ui.helper.more"), 20)
        fix_w = self.fonts.button_width(tr("ui.helper.fix"), 20)
        fix = Box(title.right - fix_w - 4, title.y + 2, fix_w, SMALL_BUTTON_H)
        more = Box((fix.x if fix_shown else title.right) - more_w - 6, title.y + 2, more_w, SMALL_BUTTON_H)
        return {
            "text": Box(body.x, body.y, body.w, body.h - ASK_ROW_H),
            "question": Box(body.x + 6, row_y, body.w - ask_w - 18, ASK_ROW_H - 10),
            "ask": Box(body.right - ask_w - 6, row_y, ask_w, ASK_ROW_H - 10),
            "more": more,
            "fix": fix,
        }

    def set_box(self, box: Box) -> None:
        self.box = box
        boxes = self._boxes(self.fix_button.visible)
        for name, element in (("text", self.text_box), ("question", self.question), ("ask", self.ask_button),
                              ("more", self.more_button), ("fix", self.fix_button)):
            move_element(element, boxes[name])

    def relabel(self) -> None:
        """After the language changed: new words on the buttons (and their sizes), and the greeting
        again in the new language if nothing else was said yet."""
        self.ask_button.set_text(tr("ui.helper.ask"))
        self.more_button.set_text(tr("ui.helper.more"))
        self.fix_button.set_text(tr("ui.helper.fix"))
        self.question.placeholder_text = tr("ui.helper.placeholder")
        self.question.rebuild()
        if self.greeting:
            self.greet()
        self.set_box(self.box)

    def action_for(self, element) -> Optional[str]:
        return {self.ask_button: "send_question", self.question: "send_question", self.more_button: "help",
                self.fix_button: "apply_fix"}.get(element)

    def element_for(self, target: str):
        return {"question": self.question, "ask": self.ask_button, "more": self.more_button,
                "fix": self.fix_button}.get(target)

    def handle_event(self, event) -> bool:
        """Page Up / Page Down while the helper has the keyboard scroll long hints and answers."""
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            return self.scroll_pages(-1 if event.key == pygame.K_PAGEUP else 1)
        return False

    # ---- content ----------------------------------------------------------------------------
    def greet(self) -> None:
        self.show(tr("ui.helper.welcome_title"), tr("ui.helper.welcome"))
        self.greeting = True

    def show(self, heading: str, text: str) -> None:
        """Replace the pane's text (heading in bold)."""
        self.heading, self.text = heading, text
        self.greeting = False
        self.text_box.set_text(to_html(text, heading))

    def append(self, text: str) -> None:
        """Add streamed text (a model's words) after what is shown."""
        self.text += text
        self.text_box.append_html_text(to_html(text))

    def show_hint(self, hint: dict, level: int, source: str = "") -> None:
        """A hint_for_program() result at a level of the ladder; at level 3 the fix as before/after."""
        self.hint, self.level = hint, level
        if hint.get("ok"):
            self.show(tr("ui.helper.ok_title"), str(hint.get("hint") or tr("ui.helper.ok")))
            self.more_button.hide()
            self.fix_button.hide()
            return
        problem = hint.get("problem") or {}
        line = problem.get("line")
        heading = tr("ui.helper.hint_title_line", line=line) if line else tr("ui.helper.hint_title")
        text = str(hint.get("hint") or problem.get("message") or "")
        if level >= 3 and source:
            text += before_after(source, hint.get("fix"))
        self.show(heading, text)
        if level < 3:
            self.more_button.show()
        else:
            self.more_button.hide()
        if level >= 3 and hint.get("fix"):
            self.fix_button.show()
        else:
            self.fix_button.hide()
        self.set_box(self.box)

    def scroll_pages(self, pages: int) -> bool:
        """Page Up / Page Down while the helper has the keyboard (long hints, answers with code)."""
        bar = getattr(self.text_box, "scroll_bar", None)
        if bar is None:
            return False
        step = max(0.05, bar.visible_percentage * 0.9)
        bar.set_scroll_from_start_percentage(bar.start_percentage + pages * step)
        return True

    def forget_hint(self) -> None:
        self.hint = None
        self.more_button.hide()
        self.fix_button.hide()

    def draw(self, surface) -> None:
        col = self.colours
        right = "" if self.more_button.visible or self.fix_button.visible else (
            tr("ui.helper.thinking") if self.busy else "")
        draw_title(surface, self.box.title(), tr("ui.helper.title"), self.fonts, col, active=self.focused,
                   right_text=right)
        body = pygame.Rect(self.box.below_title())
        pygame.draw.rect(surface, col["pane"], body)
        row = pygame.Rect(body.x, body.bottom - ASK_ROW_H, body.w, ASK_ROW_H)
        pygame.draw.rect(surface, col["background"], row)
