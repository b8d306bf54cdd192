"""The fix's before/after text: the child's own lines, numbered, then the checked replacement."""
from kidcoder.ui.fix_preview import before_after


def test_before_and_after_show_the_changed_lines_with_numbers():
    source = "x = 1\nwhile running\n    pass\n"
    text = before_after(source, {"start_line": 2, "end_line": 2, "replacement": "while running:"}, lang="en")
    before, after = text.split("After the fix:")
    assert "2  while running\n" in before and "while running:" not in before
    assert "2  while running:" in after


def test_spanish_labels_and_no_preview_for_a_fix_that_does_not_fit():
    assert "Antes:" in before_after("a\nb\n", {"start_line": 1, "end_line": 1, "replacement": "c"}, lang="es")
    assert before_after("a\n", {"start_line": 5, "end_line": 6, "replacement": "c"}) == ""
    assert before_after("a\n", None) == ""
