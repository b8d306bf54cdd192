"""Pure text helpers: words, indentation, comments, brackets, find, tab columns."""
from kidcoder.editor import textops


def test_word_bounds_include_accented_letters():
    line = "niño_feliz = año + 1"
    assert textops.word_bounds(line, 2) == (0, 10)
    assert textops.word_bounds(line, 15) == (13, 16)
    assert textops.word_bounds(line, 10) == (0, 10)  # just after a word still selects it


def test_next_and_previous_word():
    line = "a.b(cc, dd)"
    assert textops.next_word_col(line, 0) == 1
    assert textops.next_word_col(line, 1) == 3
    assert textops.prev_word_col(line, 11) == 8


def test_colon_at_end_of_code_wants_indent():
    assert textops.wants_indent_after("for i in range(3):")
    assert textops.wants_indent_after("else:   # otherwise")
    assert not textops.wants_indent_after("x = {'a': 1}")
    assert not textops.wants_indent_after("print('look:')")


def test_dedent_width_goes_back_to_previous_stop():
    assert textops.dedent_width("        ", "    ") == 4
    assert textops.dedent_width("      ", "    ") == 2
    assert textops.dedent_width("\t\t", "\t") == 1


def test_comment_toggle_on_mixed_lines_comments_all():
    assert textops.comment_toggled(["# a", "b"]) == ["# # a", "# b"]
    assert textops.comment_toggled(["#a", "  #b"]) == ["a", "  b"]
    assert textops.comment_toggled(["", "  "]) == ["", "  "]


def test_find_in_lines_wraps_and_respects_case():
    lines = ["Apple", "banana apple"]
    assert textops.find_in_lines(lines, "apple", (0, 1)) == (1, 7)
    assert textops.find_in_lines(lines, "apple", (1, 8)) == (0, 0)
    assert textops.find_in_lines(lines, "apple", (1, 8), case_sensitive=True) == (1, 7)
    assert textops.find_in_lines(lines, "apple", (1, 8), wrap=False) is None
    assert textops.find_in_lines(lines, "", (0, 0)) is None


def test_display_and_char_columns_with_tabs_round_trip():
    line = "\tif a:\t# x"
    for col in range(len(line) + 1):
        assert textops.char_col(line, textops.display_col(line, col)) == col
    assert textops.display_col(line, 1) == 4
    assert textops.display_col("plain", 3) == 3
