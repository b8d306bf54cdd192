"""Helper text to pygame-gui HTML: bold, lists, code in the editor's font with its indentation kept and
wrapped never inside a name, links for the examples; nothing is left unescaped."""
import re

import pytest

from kidcoder.ui.richtext import MONO_FONT, Links, to_html, wrap_code


def test_plain_text_is_escaped_and_lines_break():
    assert to_html("a < b & c\nnext") == "a &lt; b &amp; c<br>next"
    assert to_html("body", "Title <1>") == "<b>Title &lt;1&gt;</b><br>body"


def test_bold_inline_code_and_lists():
    out = to_html("- **Gravity:** use `x = x + 1` here\n2. then this")
    assert "**" not in out and "<b>Gravity:</b>" in out
    assert out.startswith("\u2022\u00a0") and "<br>2.\u00a0then this" in out
    assert f"<font face='{MONO_FONT}'" in out and "x = x + 1</font>" in out and "`" not in out


def test_code_blocks_keep_indentation_and_hide_fences():
    out = to_html("Some words.\n\n```python\nif x:\n    y = 1 < 2\n```\n\nDone")
    assert "```" not in out and "python" not in out
    lines = out.split("<br>")
    assert lines[0] == "Some words." and lines[-1] == "Done"
    code = [line for line in lines if MONO_FONT in line]
    assert len(code) == 2 and "\u00a0\u00a0\u00a0\u00a0y\u00a0=\u00a01\u00a0&lt;\u00a02" in code[1]


def test_an_unclosed_fence_still_shows_the_code():
    out = to_html("```\nprint('hi')")
    assert "print('hi')" in out


def test_each_example_gets_its_own_links_beside_its_first_line():
    text = "Try this:\n```python\na = 1\n```\n\nOr this:\n```python\nb = 2\n```"
    out = to_html(text, links=Links(put="Put in my program", copy="Copy"))
    assert out.count("href='put:0'") == 1 and out.count("href='copy:1'") == 1
    first = out.split("<br>")[0]
    assert first.startswith("Try this:") and "put:0" in first and "copy:0" in first


def test_tell_me_more_ends_the_prose_before_the_example_and_sources_can_be_opened():
    text = "Words here.\n\nTry this:\n```python\na = 1\n```"
    out = to_html(text, links=Links(more="Tell me more", read_more="Read more:", sources=("Gravity", "Loops")))
    assert out.index("href='more'") < out.index("Try this:") < out.index(MONO_FONT)
    assert out.endswith("Read more: <a href='card:0'>Gravity</a>, <a href='card:1'>Loops</a>")


@pytest.mark.parametrize("cols", [12, 20, 30, 41])
def test_code_is_wrapped_between_names_never_inside_one(cols):
    lines = ["        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:",
             "    pygame.draw.rect(pantalla, (0, 200, 0), (20, 20, int(ancho), 25))  # Salud que queda",
             'print("Score:", score, "of", total)']
    for line in lines:
        pieces = wrap_code(line, cols)
        assert all(len(piece) <= cols for piece in pieces)
        assert "".join(pieces).replace(" ", "") == line.replace(" ", "")     # nothing lost, no hyphen added
        for name in re.findall(r"[A-Za-z_]\w*", line):
            if len(name) <= cols - 8:
                assert any(re.search(rf"\b{name}\b", piece) for piece in pieces), (name, pieces)


def test_code_wrapped_inside_brackets_is_still_python():
    line = "    pygame.draw.rect(screen, (0, 200, 0), (20, 20, 100, 25))"
    pieces = wrap_code(line, 30)
    assert len(pieces) > 1 and pieces[0] == "    pygame.draw.rect(screen,"
    compile("\n".join(piece[4:] if piece.startswith("    ") else piece for piece in pieces), "x.py", "exec")
