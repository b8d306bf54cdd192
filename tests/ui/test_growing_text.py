"""A model's words streamed into the helper are laid out only where the text grew, and the helper's text box
shows the same pixels as laying the whole text out again (real pygame-gui on the dummy driver)."""
import re

import pygame
import pygame_gui
import pytest

from kidcoder.diagnosis.finding import Finding
from kidcoder.i18n import current_language, set_language
from kidcoder.model.facts import HintFacts
from kidcoder.model.service import ModelEvent
from kidcoder.ui.growing_text import GROWN, SAME, appended
from kidcoder.ui.helper_page import HINT, Page
from kidcoder.ui.text_feed import PARTS

RULES = {"en": "Line 12 uses `speed_x`, but the program never gave `speed_x` a value before it. Give it a first "
               "value near the top of the program, before the game loop starts.",
         "es": "La línea 12 usa `speed_x`, pero el programa nunca le dio un valor antes. Dale un primer valor "
               "arriba del programa, antes del bucle del juego."}
MODEL = {"en": "To make the ball move, **give** `speed_x` a number before the loop, like five. The loop adds it "
               "to the ball's x each frame.\nWhen the ball reaches a side, make `speed_x` the opposite number, so "
               "it goes back the other way. Then it bounces off every wall, again and again, while the game runs.",
         "es": "Para que la pelota se mueva, **dale** a `speed_x` un número antes del bucle, como cinco. El bucle "
               "lo suma a la x de la pelota en cada cuadro.\nCuando la pelota llega a un lado, cambia `speed_x` "
               "al número opuesto, así vuelve hacia el otro lado. Entonces rebota en cada pared, una y otra vez."}


@pytest.fixture(autouse=True)
def language_back():
    """A Spanish window sets the language every later tr() uses: the next tests get theirs back."""
    lang = current_language()
    yield
    set_language(lang)


class WordByWord:
    """A model service that sends the words given to it, a few tokens a frame."""

    def __init__(self):
        self.events = []

    def available(self):
        return True

    def set_busy_cores(self, _busy):
        pass

    def request(self, _facts):
        return 1

    def poll(self, limit):
        out, self.events = self.events[:limit], self.events[limit:]
        return out


def tokens(text):
    """The text as a small model streams it: pieces of words with their spaces in front."""
    return [piece for word in re.findall(r"\s*\S+", text) for piece in (word[:3], word[3:]) if piece]


def pixels(surface):
    return pygame.image.tobytes(surface, "RGBA")


def whole_layout(app, html, start):
    """The helper's text laid out whole in a new text box of the same size and look, scrolled to start."""
    box = app.helper.text_box
    fresh = pygame_gui.elements.UITextBox(html, pygame.Rect(box.relative_rect), app.manager,
                                          object_id="#helper_text")
    if fresh.scroll_bar is not None:
        fresh.scroll_bar.set_scroll_from_start_percentage(start)
        fresh.redraw_from_text_block()
    try:
        return pixels(fresh.image), fresh.scroll_bar is not None
    finally:
        fresh.kill()


def retelling(app, lang):
    """The helper shows a rules' hint and a stand-in model starts retelling it word piece by word piece."""
    helper, stream = app.helper, app.assist.stream
    helper._set_page(Page("Line 12", RULES[lang], HINT, actions=False))
    stream.service = WordByWord()
    stream.request(HintFacts(lang, Finding("runtime", 12, None, "diag.name_error"), RULES[lang], 2),
                   helper.heading, helper.text)
    return helper, stream


@pytest.mark.parametrize("lang, size", [("en", (1200, 900)), ("es", (800, 600))])
def test_streamed_words_look_the_same_as_the_whole_text_laid_out_again(windows, lang, size):
    app = windows(lang=lang, size=size)
    helper, stream = retelling(app, lang)
    ways, scrolled = [], False
    said = "\n".join([MODEL[lang]] * 3)                # long enough to outgrow the box in both windows
    for number, piece in enumerate(tokens(said)):
        stream.service.events.append(ModelEvent(1, "token", piece))
        before = helper._html
        stream.drain()
        if helper._html == before:
            continue
        ways.append(helper.laid_out)
        while helper.laying_out:                   # outgrowing the box: the rest in the next frames
            helper.feed.step()
        bar = helper.text_box.scroll_bar
        if bar is not None and not scrolled and number % 2:       # the child scrolls down a little, and
            bar.set_scroll_from_start_percentage(0.1)                # the next words keep the text there
            helper.text_box.redraw_from_text_block()
            scrolled = True
        start = bar.start_percentage if bar is not None else 0.0
        whole, whole_bar = whole_layout(app, helper._html, start)
        assert (helper.text_box.scroll_bar is not None) == whole_bar
        assert pixels(helper.text_box.image) == whole, f"after {helper.page.text[-40:]!r} ({helper.laid_out})"
    assert scrolled, "the words never outgrew the box: the scrolled case was not tried"
    assert ways.count(GROWN) >= len(ways) - 2 and PARTS in ways       # only outgrowing the box lays out again
    stream.service.events.append(ModelEvent(1, "final", said))
    stream.drain()                              # its last word, with no space after it, came with the end
    assert helper.laid_out == GROWN and helper.page.text.endswith(said)
    bar = helper.text_box.scroll_bar
    assert pixels(helper.text_box.image) == whole_layout(app, helper._html, bar.start_percentage)[0]
    helper.retell(helper.heading, helper.page.text)
    assert helper.laid_out == SAME


def test_only_an_end_added_after_a_break_is_laid_out_alone():
    assert appended("Mira la", "Mira la línea") == " línea"
    assert appended("Mira <b>la</b>", "Mira <b>la</b>s") == "s"
    assert appended("Mira la<br>", "Mira la<br>línea") == "línea"
    assert appended("Mira la lí", "Mira la línea") is None          # inside a word
    assert appended("Mira la", "Mira el") is None and appended("", "Mira") is None
    assert appended("Mira", "Mira") is None
    assert appended("a &amp; b", "a &amp; b c") is None               # an entity may still be in the parser
    assert appended("a &amp; b<br>", "a &amp; b<br>c") == "c"          # not after a whole tag
