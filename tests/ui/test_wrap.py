"""wrap_text breaks at spaces to fit a width; a word longer than the width gets a line of its own."""
from kidcoder.ui.style import wrap_text


class TenPixelFont:
    def size(self, text):
        return len(text) * 10, 20


def test_wrap_at_spaces_and_keep_paragraphs():
    font = TenPixelFont()
    assert wrap_text("one two three", font, 70) == ["one two", "three"]
    assert wrap_text("a\nb c", font, 1000) == ["a", "b c"]
    assert wrap_text("enormousword x", font, 30) == ["enormousword", "x"]
