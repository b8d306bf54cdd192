"""Answers in the helper: rich text with no hyphen ever cut into code, a first screen with "Tell me more",
"Put in my program" as one undo step, "Copy", and sources that open."""
import re

import pygame
import pytest

from kidcoder.i18n import tr
from tests.ui.driver import close_app, key, make_app, run_until, step

QUESTION = "how do I make my player jump with gravity"


@pytest.fixture(params=[(800, 600)])
def app(request):
    window = make_app(request.param)
    yield window
    close_app(window)


def ask(app, question=QUESTION):
    app.helper.question.set_text(question)
    app.actions.do("send_question")
    run_until(app, lambda: app.helper.page.kind == "answer", timeout=120, what="the answer")
    step(app, 2)
    whole(app)


def whole(app):
    """The helper's text laid out whole (a screen of it comes first, the rest in the next frames)."""
    run_until(app, lambda: not app.helper.laying_out, timeout=30, what="the whole text")


def click_link(app, target):
    """What a click on a link in the helper's text does (pygame-gui sends UI_TEXT_BOX_LINK_CLICKED)."""
    import pygame_gui

    pygame.event.post(pygame.event.Event(pygame_gui.UI_TEXT_BOX_LINK_CLICKED, link_target=target,
                                         ui_element=app.helper.text_box, ui_object_id="#helper_text"))
    step(app)
    whole(app)


def test_code_in_an_answer_is_never_cut_with_a_hyphen(app):
    ask(app)
    click_link(app, "more")                             # the whole answer, every code line
    examples = app.helper.page.examples()
    assert examples
    pieces = [line.strip() for example in examples for line in example.split("\n")]
    pieces += re.findall(r"`([^`\n]+)`", app.helper.page.text)            # `code` in the words
    squeezed = re.sub(r"\s+", "", " ".join(pieces))
    mono = app.manager.get_theme().get_font_dictionary().find_font(app.fonts.mono_px, "kid_mono")
    seen = 0
    for row in app.helper.text_box.text_box_layout.layout_rows:
        for item in row.items:
            if getattr(item, "font", None) is not mono:
                continue                                 # prose, links
            code = re.sub(r"\s+", "", getattr(item, "text", "").replace("\u00a0", " "))
            if not code:
                continue
            seen += 1
            assert code in squeezed, f"{item.text!r} is not a piece of the example: cut inside a name?"
    assert seen > 10


def test_the_first_screen_fits_and_tell_me_more_shows_the_rest(app):
    ask(app)
    bar = app.helper.text_box.scroll_bar
    html = app.helper.text_box.html_text
    assert "href='more'" in html and "href='put:0'" in html and "href='copy:0'" in html
    rows = app.helper.text_box.text_box_layout.layout_rows
    more_row = next(row for row in rows if any(getattr(item, "href", None) == "more" for item in row.items))
    assert more_row.bottom <= app.helper.text_box.get_relative_rect().height   # "Tell me more" is on screen
    shown, more = app.helper.page.shown(app.helper.first_words())
    assert more and len(shown) < len(app.helper.page.text)
    click_link(app, "more")
    assert "href='more'" not in app.helper.text_box.html_text and bar is not None


def test_put_in_my_program_is_one_undo_step_and_copy_copies(app):
    original = "import pygame\n\nrunning = True\nwhile running:\n    pass\n"
    app.editor.set_text(original)
    app.editor.view.buffer.set_cursor((4, 8))          # the end of "    pass"
    ask(app)
    example = app.helper.page.examples()[0]
    click_link(app, "put:0")
    text = app.editor.get_text()
    assert text != original and example.split("\n")[2].strip() in text
    assert "\n    pass\n    " + example.split("\n")[0] in text          # after the cursor's line, as indented
    assert app.focus == "editor" and app.status == tr("ui.helper.put_done", first=6,
                                                       last=5 + len(example.strip("\n").split("\n")))
    key(app, pygame.K_z, mod=pygame.KMOD_LCTRL)
    assert app.editor.get_text() == original                              # one Ctrl+Z takes all of it back
    click_link(app, "copy:0")
    assert app.editor.view.buffer.clipboard.get().strip() == example.strip()


def test_an_empty_program_becomes_the_example(app):
    app.editor.set_text("")
    ask(app)
    click_link(app, "put:0")
    assert app.editor.get_text().strip() == app.helper.page.examples()[0].strip()
    compile(app.editor.get_text(), "game.py", "exec")


def test_read_more_opens_the_card(app):
    ask(app)
    title = app.helper.page.sources[1].title
    click_link(app, "card:1")
    assert app.helper.page.kind == "card" and app.helper.heading == title
    assert "href='put:0'" in app.helper.text_box.html_text
