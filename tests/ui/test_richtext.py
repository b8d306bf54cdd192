"""Helper text to pygame-gui HTML: code keeps its indentation in the editor's font; nothing is left unescaped."""
from kidcoder.ui.richtext import MONO_FONT, to_html


def test_plain_text_is_escaped_and_lines_break():
    assert to_html("a < b & c\nnext") == "a &lt; b &amp; c<br>next"
    assert to_html("body", "Title <1>") == "<b>Title &lt;1&gt;</b><br>body"


def test_inline_code_and_bullets():
    out = to_html("- use `x = x + 1` here")
    assert out.startswith("\u2022 use ")
    assert f"<font face='{MONO_FONT}'" in out and "x = x + 1</font>" in out and "`" not in out


def test_code_blocks_keep_indentation_and_hide_fences():
    out = to_html("Try this:\n```python\nif x:\n    y = 1 < 2\n```\nDone")
    assert "```" not in out and "python" not in out
    lines = out.split("<br>")
    assert lines[0] == "Try this:" and lines[-1] == "Done"
    assert "\u00a0\u00a0\u00a0\u00a0y\u00a0=\u00a01\u00a0&lt;\u00a02" in lines[2]
    assert lines[1].startswith(f"<font face='{MONO_FONT}'")


def test_an_unclosed_fence_still_shows_the_code():
    out = to_html("```\nprint('hi')")
    assert "print(&#x27;hi&#x27;)" in out or "print('hi')" in out
