"""A new page of the helper's text is laid out a screen first and the rest in the frames after (text_feed.py),
and the window then shows the same pixels as pygame-gui laying the whole text out at once (real pygame-gui
on the dummy driver; the helper's text box and its scroll bar, as drawn in the window)."""
import pygame
import pygame_gui
import pytest

from kidcoder.diagnosis.finding import Finding
from kidcoder.helper.answers import compose_answer
from kidcoder.i18n import current_language, set_language
from kidcoder.knowledge.cards import cards_by_id
from kidcoder.model.facts import HintFacts
from kidcoder.model.service import ModelEvent
from kidcoder.ui.text_feed import PARTS, pieces
from tests.ui.driver import step
from tests.ui.test_growing_text import MODEL, RULES, WordByWord, retelling, tokens

CARDS = ("bouncing", "sounds-music", "gravity-jump")
WINDOWS = [("en", (1200, 900)), ("es", (800, 600)), ("es", (1200, 900)), ("en", (800, 600))]


@pytest.fixture(autouse=True)
def language_back():
    lang = current_language()
    yield
    set_language(lang)


def answer(lang, card_id):
    cards = cards_by_id(lang)
    card = cards.get(card_id) or next(iter(cards.values()))
    return card.title, compose_answer(card, card.title.lower().split(), (), lang), (card,)


def helper_pixels(app):
    """The helper's text box and its scroll bar as the window draws them."""
    app.manager.update(0.0)
    app.draw()
    rect = app.helper.text_box.get_abs_rect().clip(app.screen.get_rect())
    return pygame.image.tobytes(app.screen.subsurface(rect), "RGBA")


def whole_layout_pixels(app):
    """The same html laid out at once by pygame-gui's own UITextBox (main's way), in the same place."""
    box = app.helper.text_box
    start = box.scroll_bar.start_percentage if box.scroll_bar is not None else 0.0
    box.hide()
    fresh = pygame_gui.elements.UITextBox(app.helper._html, pygame.Rect(box.relative_rect), app.manager,
                                          object_id="#helper_text")
    if fresh.scroll_bar is not None and start:
        fresh.scroll_bar.set_scroll_from_start_percentage(start)
        fresh.redraw_from_text_block()
    try:
        return helper_pixels(app), fresh.image, fresh.scroll_bar is not None
    finally:
        fresh.kill()
        box.show()


def until_whole(app, limit=400):
    for _ in range(limit):
        if not app.helper.laying_out:
            return
        step(app)
    raise AssertionError("the text was never laid out whole")


def until_shown(app, limit=400):
    """Frames until the new text's first screen replaces the picture from before; how many it took."""
    for count in range(limit):
        if not app.helper.feed.held:
            return count
        before = pygame.image.tobytes(app.helper.text_box.image, "RGBA")
        step(app)
        if app.helper.feed.held:
            assert pygame.image.tobytes(app.helper.text_box.image, "RGBA") == before, "a half-laid screen shown"
    raise AssertionError("the first screen was never shown")


@pytest.mark.parametrize("lang, size", WINDOWS)
def test_an_answer_shows_its_first_screen_in_a_few_frames_and_ends_as_a_whole_layout(windows, lang, size):
    app = windows(lang=lang, size=size)
    helper = app.helper
    for card_id in CARDS:
        before = pygame.image.tobytes(helper.text_box.image, "RGBA")
        title, text, sources = answer(lang, card_id)
        helper.show_answer(title, text, sources)
        assert helper.laid_out == PARTS and helper.laying_out and helper.feed.held
        assert pygame.image.tobytes(helper.text_box.image, "RGBA") == before     # the page before, still
        assert until_shown(app) > 0                                # (a few frames on an idle machine)
        assert helper.laying_out                                   # only a screen of it so far
        first = pygame.image.tobytes(helper.text_box.image, "RGBA")
        whole, whole_image, whole_bar = whole_layout_pixels(app)
        assert whole_bar and helper.text_box.scroll_bar is not None
        assert first == pygame.image.tobytes(whole_image, "RGBA"), "the first screen is not the whole text's"
        until_whole(app)
        assert helper.feed.laid == helper._html
        assert helper_pixels(app) == whole_layout_pixels(app)[0], f"{card_id}: not the whole layout's pixels"


@pytest.mark.parametrize("lang, size", [("en", (800, 600)), ("es", (1200, 900))])
def test_a_retelling_that_outgrows_the_box_and_a_new_page_meanwhile(windows, lang, size):
    app = windows(lang=lang, size=size)
    helper, stream = retelling(app, lang)
    ways = []
    for piece in tokens("\n".join([MODEL[lang]] * 3)):
        stream.service.events.append(ModelEvent(1, "token", piece))
        stream.drain()
        ways.append(helper.laid_out)
        step(app)
    assert PARTS in ways                           # it outgrew the box: laid out again beside the bar
    until_whole(app)
    assert helper_pixels(app) == whole_layout_pixels(app)[0]
    title, text, sources = answer(lang, "bouncing")
    helper.show_answer(title, text, sources)       # a new page while nothing is left: and one while it is
    helper.show_answer(*answer(lang, "sounds-music"))
    until_whole(app)
    assert helper_pixels(app) == whole_layout_pixels(app)[0]


@pytest.mark.parametrize("lang, size", [("en", (1200, 900)), ("es", (800, 600))])
def test_a_short_answer_retold_before_its_read_more_line(windows, lang, size):
    app = windows(lang=lang, size=size)
    helper, stream = app.helper, app.assist.stream
    card = cards_by_id(lang)["comments"]
    helper.show_answer(card.title, card.title + "\n\n" + card.body.split("\n\n")[0], (card,))
    until_whole(app)
    stream.service = WordByWord()
    stream.request(HintFacts(lang, Finding("runtime", 12, None, "diag.name_error"), RULES[lang], 2),
                   helper.heading, helper.text)
    for piece in tokens(MODEL[lang]):
        stream.service.events.append(ModelEvent(1, "token", piece))
        stream.drain()
        step(app)
    stream.service.events.append(ModelEvent(1, "final", MODEL[lang]))
    stream.drain()
    until_whole(app)
    assert helper.page.text.endswith(MODEL[lang]) and helper._html.rstrip().endswith("</a>")   # Read more: last
    assert helper_pixels(app) == whole_layout_pixels(app)[0]


def test_html_is_cut_only_after_line_breaks_outside_tags():
    html = "<b>Title</b><br>one <a href='x'>link<br>inside</a><br><font face='m'>a&nbsp;b</font><br>end"
    cut = pieces(html)
    assert "".join(cut) == html
    assert cut == ["<b>Title</b><br>", "one <a href='x'>link<br>inside</a><br>",
                   "<font face='m'>a&nbsp;b</font><br>", "end"]


def test_without_the_pygame_gui_steps_it_builds_on_every_text_is_laid_out_whole(windows, monkeypatch):
    """Another pygame-gui version (helper_text_box.FITS false): no parts, pygame-gui's own layout, same pixels."""
    from kidcoder.ui import helper_text_box

    monkeypatch.setattr(helper_text_box, "FITS", False)
    monkeypatch.setattr(helper_text_box.HelperTextBox, "in_parts", False)
    app = windows(lang="en", size=(1200, 900))
    helper = app.helper
    for card_id in CARDS:
        title, text, sources = answer("en", card_id)
        helper.show_answer(title, text, sources)
        assert helper.laid_out != PARTS and not helper.laying_out
        assert helper_pixels(app) == whole_layout_pixels(app)[0], f"{card_id}: not the whole layout's pixels"


def test_a_fault_in_the_parts_falls_back_to_the_whole_layout(windows, monkeypatch):
    """If laying out in parts fails (pygame-gui changed inside), the text is still shown whole, never half."""
    app = windows(lang="es", size=(800, 600))
    helper = app.helper

    def broken(*_args):
        raise AttributeError("a pygame-gui without this step")

    monkeypatch.setattr(type(helper.text_box), "dry_layout", broken)
    title, text, sources = answer("es", CARDS[0])
    helper.show_answer(title, text, sources)
    assert not helper.laying_out and helper.feed.laid == helper._html
    assert helper_pixels(app) == whole_layout_pixels(app)[0]
