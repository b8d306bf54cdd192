"""The helper pane: hints about the child's program, answers to questions, and a box to ask one.

It lives in the dock under the game, where it shares the box with the console: its
title strip holds both tabs (dock.py decides which shows). Text shows in a pygame-gui
UITextBox (it wraps and scrolls) as rich text (richtext.py): code examples get links
to put them in the program or copy them, long answers "Tell me more", sources "Read
more". The pane remembers the last hint so "More help" can climb the hint ladder
(level 1 nudge, 2 explanation, 3 the fix) and "Fix it" can apply the checked fix.
"""
from __future__ import annotations

from dataclasses import replace
from typing import List, Optional

import pygame
import pygame_gui

from kidcoder.i18n import tr
from kidcoder.ui.dock import CONSOLE, HELPER
from kidcoder.ui.fix_preview import before_after
from kidcoder.ui.helper_page import ANSWER, CARD, GREETING, HINT, NOTE, Page, card_page
from kidcoder.ui.helper_text_box import HelperTextBox
from kidcoder.ui.layout import TITLE_H, Box, Layout
from kidcoder.ui.pane import Pane, PaneKit, move_element
from kidcoder.ui.style import draw_title
from kidcoder.ui.text_feed import TextFeed

ASK_ROW_H = 46
SMALL_BUTTON_H = TITLE_H - 4
TEXT_PAD = 8 + 20          # the text box's padding and its scroll bar: what code lines cannot use
LINE_SPACING = 1.15
TABS = ((HELPER, "ui.helper.title", "show_helper"), (CONSOLE, "ui.console.title", "show_console"))


def greeting_page() -> Page:
    return Page(tr("ui.helper.welcome_title"), tr("ui.helper.welcome"), GREETING)


class HelperPane(Pane):
    """Hint and answer text, the dock's tabs, More help / Fix it buttons, and the question box."""

    region = "helper"

    def __init__(self, layout: Layout, kit: PaneKit):
        super().__init__(layout, kit)
        manager = self.manager
        self.page = greeting_page()
        self.version = 0                     # changes when new words are shown (the dock shows the helper)
        self.hint: Optional[dict] = None     # the last hint_for_program() result
        self.level = 1
        self.busy = False
        self.link = ""                       # the target of the last link clicked ("put:0", "card:1", ...)
        self.shown = True                    # the helper's tab is the one shown
        self.console_tab = False
        self.news = False
        self.game_asks = False
        self._buttons = None                 # (more, fix) shown when the helper's tab comes back
        self.laid_out = ""                   # how the last new text was laid out (text_feed: whole, grown, parts, same)
        boxes = self._boxes()
        self._html = self.page.html(self.first_words(), self.code_cols, self.fonts.mono_px)
        self.text_box = HelperTextBox(self._html, pygame.Rect(boxes["text"]), manager,
                                      object_id="#helper_text")    # laid out once, greeting in
        self.feed = TextFeed(self.text_box, self._html)     # later texts: a screen at once, the rest after
        self.question = pygame_gui.elements.UITextEntryLine(pygame.Rect(boxes["question"]), manager,
                                                            placeholder_text=tr("ui.helper.placeholder"),
                                                            object_id="#question")
        self.question.length_limit = 300
        self.ask_button = pygame_gui.elements.UIButton(pygame.Rect(boxes["ask"]), tr("ui.helper.ask"), manager,
                                                       tool_tip_text=tr("ui.helper.ask_tip"), object_id="#ask")
        self.more_button = self._small_button(boxes["more"], "ui.helper.more")
        self.fix_button = self._small_button(boxes["fix"], "ui.helper.fix")
        self.tabs = {tab: self._small_button(boxes[tab], key, "#tab" if tab == HELPER else "#console_tab")
                     for tab, key, _ in TABS}
        self.more_button.hide()
        self.fix_button.hide()
        for button in self.tabs.values():
            button.hide()                    # no tabs until the console has something to show
        self.version += 1

    def _small_button(self, box: Box, key: str, object_id: str = "#small_button"):
        tip = "" if object_id.endswith("tab") else tr(key + "_tip")
        return pygame_gui.elements.UIButton(pygame.Rect(box), self._tab_words(key), self.manager,
                                            tool_tip_text=tip or None, object_id=object_id)

    def _tab_words(self, key: str) -> str:
        if key == "ui.console.title" and self.__dict__.get("news") and self.shown:
            return tr(key) + " \u2022"           # a dot: the console has news
        if key == "ui.helper.title" and self.__dict__.get("news") and not self.shown:
            return tr(key) + " \u2022"
        return tr(key)

    # ---- geometry ---------------------------------------------------------------------------
    @property
    def ask_row_h(self) -> int:
        return max(ASK_ROW_H, self.fonts.body.get_linesize() + 20)

    def _boxes(self):
        title = self.box.title()
        body = self.box.below_title()
        row_h = self.ask_row_h
        ask_w = max(90, self.fonts.button_width(tr("ui.helper.ask")))
        row_y = body.bottom - row_h + 4
        boxes = {
            "text": Box(body.x, body.y, body.w, body.h - row_h),
            "question": Box(body.x + 6, row_y, body.w - ask_w - 18, row_h - 10),
            "ask": Box(body.right - ask_w - 6, row_y, ask_w, row_h - 10),
        }
        x = title.x + 2
        for tab, key, _ in TABS:
            width = self.fonts.button_width(self._tab_words(key) + "  \u2022", 16)
            boxes[tab] = Box(x, title.y + 2, width, SMALL_BUTTON_H)
            x += width + 2
        right = title.right - 4
        self._right_words = {}
        for name, key in (("fix", "ui.helper.fix"), ("more", "ui.helper.more")):
            words = tr(key)
            if right - self.fonts.button_width(words, 20) < x + 4:      # it would cover the tabs: the short words
                words = tr(key + "_short")
            self._right_words[name] = words
            width = self.fonts.button_width(words, 20)
            shown = name == "more" or getattr(self, "fix_button", None) is not None and self.fix_button.visible
            boxes[name] = Box(right - width, title.y + 2, width, SMALL_BUTTON_H)
            if shown:
                right -= width + 6
        return boxes

    def set_box(self, box: Box) -> None:
        self.box = box
        boxes = self._boxes()
        for name, element in (("text", self.text_box), ("question", self.question), ("ask", self.ask_button),
                              ("more", self.more_button), ("fix", self.fix_button),
                              (HELPER, self.tabs[HELPER]), (CONSOLE, self.tabs[CONSOLE])):
            move_element(element, boxes[name])
        for name, element in (("more", self.more_button), ("fix", self.fix_button)):
            if element.text != self._right_words[name]:
                element.set_text(self._right_words[name])
        self._render()

    @property
    def code_cols(self) -> int:
        """Code columns that fit the text box at the current zoom (richtext wraps code lines to them)."""
        return max(12, (self.box.w - TEXT_PAD) // max(1, self.fonts.code_char_w) - 1)

    def first_words(self) -> int:
        """How many words of the page's answer fit one screen of the pane now."""
        text = self._boxes()["text"]
        line_h = self.fonts.reading.get_linesize() * LINE_SPACING
        chars = (text.w - TEXT_PAD) / max(1, self.fonts.reading.size("abcdefghij klmnopqrst")[0] / 21)
        return self.page.words_that_fit(chars * 0.92, (text.h - 12) / line_h)

    # ---- tabs -------------------------------------------------------------------------------
    def set_tabs(self, shown: bool, console_tab: bool, news: bool, game_asks: bool = False) -> None:
        """The dock says which tab shows, whether the console's is there and whether the other has news
        (game_asks: the game waits in input(), said at the strip's right while the console shows)."""
        self.shown, self.console_tab, self.news, self.game_asks = shown, console_tab, news, game_asks
        for element in (self.text_box, self.question, self.ask_button):
            element.show() if shown else element.hide()
        if not shown and self._buttons is None:
            self._buttons = (self.more_button.visible, self.fix_button.visible)    # back when the tab is
            self.more_button.hide()
            self.fix_button.hide()
        elif shown and self._buttons is not None:
            more, fix = self._buttons
            self._buttons = None
            self.more_button.show() if more else self.more_button.hide()
            self.fix_button.show() if fix else self.fix_button.hide()
        for tab, button in self.tabs.items():
            button.show() if console_tab else button.hide()
            button.set_text(self._tab_words(TABS[0][1] if tab == HELPER else TABS[1][1]))
            selected = (tab == HELPER) == shown
            button.select() if selected else button.unselect()
        self.set_box(self.box)

    def _show_buttons(self) -> None:
        """More help below level 3, Fix it at level 3 with a fix (kept for later while the console shows)."""
        problem = self.hint is not None and not self.hint.get("ok")
        more = problem and self.level < 3
        fix = problem and self.level >= 3 and bool(self.hint.get("fix"))
        if not self.shown:
            self._buttons = (more, fix)
            return
        self.more_button.show() if more else self.more_button.hide()
        self.fix_button.show() if fix else self.fix_button.hide()

    def relabel(self) -> None:
        """After the language changed: new words on the buttons (and their sizes), the page said again."""
        self.ask_button.set_text(tr("ui.helper.ask"))
        self.more_button.set_text(tr("ui.helper.more"))
        self.fix_button.set_text(tr("ui.helper.fix"))
        for button, tip in ((self.ask_button, "ui.helper.ask_tip"), (self.more_button, "ui.helper.more_tip"),
                            (self.fix_button, "ui.helper.fix_tip")):
            button.tool_tip_text = tr(tip)
        for tab, key, _ in TABS:
            self.tabs[tab].set_text(self._tab_words(key))
        self.question.placeholder_text = tr("ui.helper.placeholder")
        self.question.rebuild()
        if self.page.kind == GREETING:
            self.greet()
        else:
            self.page = self.page.in_language()
        self.set_box(self.box)

    def action_for(self, element) -> Optional[str]:
        tabs = {self.tabs[tab]: action for tab, _, action in TABS}
        return {self.ask_button: "send_question", self.question: "send_question", self.more_button: "help",
                self.fix_button: "apply_fix", **tabs}.get(element)

    def element_for(self, target: str):
        return {"question": self.question, "ask": self.ask_button, "more": self.more_button,
                "fix": self.fix_button, "tab:helper": self.tabs[HELPER],
                "tab:console": self.tabs[CONSOLE]}.get(target)

    def link_action(self, element, target: str) -> Optional[str]:
        """A link in the text was clicked: the command it stands for (self.link keeps which one)."""
        if element is not self.text_box:
            return None
        self.link = target
        kind = target.split(":", 1)[0]
        return {"put": "put_example", "copy": "copy_example", "more": "tell_more", "card": "read_source"}.get(kind)

    def handle_event(self, event) -> bool:
        """Page Up / Page Down while the helper has the keyboard scroll long hints and answers."""
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            return self.scroll_pages(-1 if event.key == pygame.K_PAGEUP else 1)
        return False

    # ---- content ----------------------------------------------------------------------------
    def greet(self) -> None:
        self._set_page(greeting_page())

    @property
    def greeting(self) -> bool:
        return self.page.kind == GREETING

    @property
    def heading(self) -> str:
        return self.page.heading

    @property
    def text(self) -> str:
        return self.page.text

    def show(self, heading: str, text: str) -> None:
        """Replace the pane's text (heading in bold)."""
        self._set_page(Page(heading, text, NOTE))

    def show_page(self, page: Page) -> None:
        """Show a page kept from before (a note that no longer holds is taken back)."""
        self._set_page(page)

    def retell(self, heading: str, text: str) -> None:
        """New words for the page on screen (a model retelling a hint or an answer): its links stay."""
        if heading != self.page.heading:
            self.show(heading, text)
            return
        self.page = replace(self.page, text=text)
        self.version += 1
        self._render()

    def show_answer(self, question: str, text: str, sources=()) -> None:
        """An answer: its first screen, "Tell me more", its examples' links and its sources to read."""
        self._set_page(Page(question, text, ANSWER, sources=tuple(sources), question=question))

    def show_source(self, index: int) -> bool:
        """A "Read more" link: the whole card, in place of the answer."""
        sources = self.page.sources
        if not 0 <= index < len(sources):
            return False
        self._set_page(card_page(sources[index]))
        return True

    def tell_more(self) -> None:
        """The whole answer, from where the child is reading."""
        self.page = replace(self.page, expanded=True)
        self._render(keep_scroll=True)

    def example(self, index: int) -> Optional[str]:
        examples = self.page.examples()
        return examples[index] if 0 <= index < len(examples) else None

    def _set_page(self, page: Page) -> None:
        self.page = page
        self.version += 1
        self._render()

    def append(self, text: str) -> None:
        """Add streamed text (a model's words) after what is shown."""
        self.page = replace(self.page, text=self.page.text + text)
        self._render(keep_scroll=True)

    def _render(self, keep_scroll: bool = False) -> None:
        if not hasattr(self, "text_box"):
            return
        cut = self.page.kind in (ANSWER, CARD) and not self.page.expanded   # only these are cut to a screen
        html = self.page.html(self.first_words() if cut else 0, self.code_cols, self.fonts.mono_px)
        self.laid_out = self.feed.show(html, keep_scroll)
        self._html = html

    @property
    def laying_out(self) -> bool:
        """Part of the text is still to be laid out (in the next frames: the window keeps its full pace)."""
        return self.feed.busy

    def update(self, dt: float) -> None:
        """The next pieces of a new text (text_feed.py); a scroll bar for the next text that needs one built
        while a hint or an answer is worked out. Not once the window is up: a spare bar in pygame-gui's
        elements kept the idle window's processor time at 2.6-2.9% of a core against 1.9-2.2% (the first
        long answer of a window whose hint came back in the frame after Run builds its bar as it shows)."""
        if self.feed.busy:
            self.feed.step()
        elif self.busy:
            self.text_box.keep_a_bar()

    def show_hint(self, hint: dict, level: int, source: str = "") -> None:
        """A hint_for_program() result at a level of the ladder; at level 3 the fix as before/after."""
        self.hint, self.level = hint, level
        if hint.get("ok"):
            tip = "\n\n" + tr("ui.helper.tip", tip=hint["tip"]) if hint.get("tip") else ""
            self.show(tr("ui.helper.ok_title"), str(hint.get("hint") or tr("ui.helper.ok")) + tip)
            self._show_buttons()
            return
        problem = hint.get("problem") or {}
        line = problem.get("line")
        heading = tr("ui.helper.hint_title_line", line=line) if line else tr("ui.helper.hint_title")
        text = str(hint.get("hint") or problem.get("message") or "")
        if level >= 3 and source:
            text += before_after(source, hint.get("fix"))
        self._set_page(Page(heading, text, HINT, actions=False))
        self._show_buttons()
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
        self._show_buttons()

    def hide_fix(self) -> None:
        """The program changed: the fix no longer fits (the hint's words may stay)."""
        self.fix_button.hide()
        if self._buttons is not None:
            self._buttons = (self._buttons[0], False)

    def shown_text(self) -> List[str]:
        """The words a child sees on this pane now (tests check they follow the language)."""
        words = [self.tabs[tab].text for tab in self.tabs if self.tabs[tab].visible]
        if not self.console_tab:
            words.append(tr("ui.helper.title"))
        if self.game_asks and not self.shown:
            words.append(tr("ui.console.waiting"))
        if self.shown:
            words += [self.page.heading, self.page.text, self.ask_button.text, self.question.placeholder_text]
            words += [button.text for button in (self.more_button, self.fix_button) if button.visible]
        return [word for word in words if word]

    def looks(self) -> tuple:
        return (self.focused, self.box, self.shown, self.busy, self.game_asks, self.news, self.console_tab)

    def draw(self, surface) -> None:
        col = self.colours
        title = self.box.title()
        buttons = self.more_button.visible or self.fix_button.visible
        right = tr("ui.helper.thinking") if self.busy and self.shown and not buttons else ""
        if self.game_asks and not self.shown:
            right = tr("ui.console.waiting")
        tabs_end = self.tabs[CONSOLE].get_abs_rect().right if self.console_tab else 0
        draw_title(surface, title, "" if self.console_tab else tr("ui.helper.title"), self.fonts, col,
                   active=self.focused or (self.game_asks and not self.shown), right_text=right,
                   text_left=tabs_end)
        if not self.shown:
            return
        body = pygame.Rect(self.box.below_title())
        pygame.draw.rect(surface, col["pane"], body)
        row = pygame.Rect(body.x, body.bottom - self.ask_row_h, body.w, self.ask_row_h)
        pygame.draw.rect(surface, col["background"], row)
