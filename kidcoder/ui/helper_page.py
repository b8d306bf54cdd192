"""What the helper pane shows: one page (a greeting, a hint, an answer, a card, a short note).

A page keeps its whole text; a long answer first shows what fits one screen of the
pane (helper.pages.first_screen) with "Tell me more" for the rest. It knows its
code examples (for "Put in my program" and "Copy") and its sources (for "Read more"),
and can be said again in another language (retranslate for text from tr(); answers
and hints are asked again by the window).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Sequence, Tuple

import math
import re

from kidcoder.helper.pages import CODE, FIRST_SCREEN_WORDS, code_examples, first_screen, split_parts
from kidcoder.i18n import retranslate, tr
from kidcoder.ui.richtext import Links, to_html

NOTE, GREETING, HINT, ANSWER, CARD = "note", "greeting", "hint", "answer", "card"
MIN_FIRST_WORDS = 30
GAP_LINES = 0.4            # the short blank line between paragraphs
_TITLE = re.compile(r"^[^\n.!?:]{1,60}$")


@dataclass(frozen=True)
class Page:
    heading: str
    text: str
    kind: str = NOTE
    sources: Tuple = ()            # knowledge cards the text came from (Read more)
    question: str = ""             # an answer's question (asked again in a new language)
    expanded: bool = False         # "Tell me more" was pressed
    actions: bool = True           # code examples get "Put in my program" and "Copy"
    extra: Tuple = field(default=(), compare=False)   # the hint: (hint dict, level, source)

    def shown(self, max_words: int) -> Tuple[str, bool]:
        """(the text on screen, whether "Tell me more" has more): answers and cards are cut to a screen."""
        if self.expanded or self.kind not in (ANSWER, CARD):
            return self.text, False
        return first_screen(self.text, max(MIN_FIRST_WORDS, max_words))

    def words_that_fit(self, chars_per_line: float, lines: float) -> int:
        """The most words of prose (at most FIRST_SCREEN_WORDS) whose first screen fits `lines` lines:
        the heading, the prose, "Tell me more", the example's links and its first lines."""
        heading = estimate_lines(self.heading, chars_per_line) if self.heading else 0
        for words in range(FIRST_SCREEN_WORDS, MIN_FIRST_WORDS, -10):
            text, _ = first_screen(self.text, words)
            if heading + estimate_lines(text, chars_per_line) + 1 + GAP_LINES + 4 <= lines:
                return words
        return MIN_FIRST_WORDS

    def examples(self) -> Sequence[str]:
        return code_examples(self.text)

    def html(self, max_words: int, code_cols: int, px: int) -> str:
        text, more = self.shown(max_words)
        links = Links(put=tr("ui.helper.put") if self.actions else "", copy=tr("ui.helper.copy") if self.actions else "",
                      more=tr("ui.helper.tell_more") if more else "",
                      read_more=tr("ui.helper.read_more_label"),
                      sources=tuple(card.title for card in self.sources))
        heading = self.heading
        if self.kind == ANSWER:
            heading, text = titled(heading, text)
        return to_html(text, heading or None, code_cols=code_cols, px=px, links=links)

    def in_language(self) -> "Page":
        """The same page with the words that came from tr() said in the current language."""
        return replace(self, heading=retranslate(self.heading), text=retranslate(self.text))


def card_page(card) -> Page:
    """A knowledge card shown whole (a "Read more" link): its words, then its example."""
    text = card.body.strip()
    if card.code.strip():
        text += "\n\n" + tr("answer.example") + "\n```python\n" + card.code.rstrip() + "\n```"
    return Page(card.title, text, CARD)


def estimate_lines(text: str, chars_per_line: float) -> float:
    """About how many lines the prose before the first code example takes when wrapped."""
    lines = 0.0
    for index, part in enumerate(split_parts(text)):
        if part.kind == CODE:
            break
        lines += GAP_LINES if index else 0.0
        lines += sum(max(1, math.ceil(len(line) / max(1.0, chars_per_line))) for line in part.text.split("\n"))
    return lines


def titled(heading: str, text: str) -> Tuple[str, str]:
    """An answer that starts with its card's title shows that title as its heading (the question
    is still in the question line)."""
    first, sep, rest = text.lstrip("\n").partition("\n")
    if sep and _TITLE.match(first.strip()) and not first.lstrip().startswith(("-", "*", "`", "#")):
        return first.strip(), rest.lstrip("\n")
    return heading, text
