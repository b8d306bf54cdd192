"""TextBuffer: every editing command, selection, clipboard and undo/redo (plain Python, no pygame)."""
import pytest
from kidcoder.editor.buffer import TextBuffer
from kidcoder.editor.clipboard import InAppClipboard


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def make(text="", cursor=(0, 0)):
    clock = FakeClock()
    buf = TextBuffer(text, InAppClipboard(), clock=clock)
    buf.set_cursor(cursor)
    return buf, clock


def type_chars(buf, text):
    for ch in text:
        if ch == "\n":
            buf.newline()
        else:
            buf.type_text(ch)


# ----- typing, Enter, auto-indent -----------------------------------------------------------------
def test_typing_inserts_at_cursor_and_moves_it():
    buf, _ = make("print()", (0, 6))
    type_chars(buf, "'hola'")
    assert buf.get_text() == "print('hola')"
    assert buf.cursor == (0, 12)


def test_accented_and_multi_character_text_input():
    buf, _ = make()
    buf.type_text("ñ")
    buf.type_text("é")
    buf.type_text("¿")
    assert buf.get_text() == "ñé¿"
    assert buf.cursor == (0, 3)


def test_enter_after_colon_indents_one_level():
    buf, _ = make("def move():", (0, 11))
    buf.newline()
    assert buf.get_text() == "def move():\n    "
    assert buf.cursor == (1, 4)


def test_enter_keeps_indent_and_colon_inside_comment_or_string_does_not_indent():
    buf, _ = make("    x = 1  # note:", (0, 18))
    buf.newline()
    assert buf.lines[1] == "    "
    buf2, _ = make("    if ok:  # yes", (0, 17))
    buf2.newline()
    assert buf2.lines[1] == "        "


def test_enter_in_middle_of_line_moves_rest_with_indent():
    buf, _ = make("    a = 1; b = 2", (0, 10))
    buf.newline()
    assert buf.lines == ["    a = 1;", "    b = 2"]
    assert buf.cursor == (1, 4)


def test_tab_inserts_spaces_to_next_indent_stop():
    buf, _ = make("x")
    buf.tab()
    assert buf.get_text() == "    x"
    buf.set_cursor((0, 6))
    buf.type_text("y")
    buf.set_cursor((0, 5))
    buf.tab()
    assert buf.get_text() == "    x   y"


def test_tab_in_a_tab_indented_file_inserts_a_tab():
    buf, _ = make("if a:\n\tb()\n\tc()", (2, 4))
    buf.newline()
    buf.tab()
    assert buf.indent_unit == "\t"
    assert buf.lines[3] == "\t\t"


def test_backspace_in_leading_spaces_removes_one_indent_level():
    buf, _ = make("        x", (0, 8))
    buf.backspace()
    assert buf.get_text() == "    x"
    assert buf.cursor == (0, 4)
    buf2, _ = make("      x", (0, 6))  # 6 spaces: back to the stop at 4
    buf2.backspace()
    assert buf2.get_text() == "    x"


def test_backspace_after_code_removes_one_character_and_joins_lines():
    buf, _ = make("ab\ncd", (1, 0))
    buf.backspace()
    assert buf.get_text() == "abcd"
    assert buf.cursor == (0, 2)
    buf.backspace()
    assert buf.get_text() == "acd"


def test_delete_forward_removes_next_character_and_joins_lines():
    buf, _ = make("ab\ncd", (0, 1))
    buf.delete_forward()
    buf.delete_forward()
    assert buf.get_text() == "acd"


def test_dedent_selection_with_shift_tab_and_indent_with_tab():
    buf, _ = make("a\n    b\n        c\nd")
    buf.set_cursor((1, 0))
    buf.set_cursor((3, 0), select=True)
    buf.dedent_lines()
    assert buf.lines == ["a", "b", "    c", "d"]  # line 4 is not selected: the selection ends at its start
    buf.tab()  # multi-line selection: indent
    assert buf.lines == ["a", "    b", "        c", "d"]
    assert buf.selection() == ((1, 0), (3, 0))


def test_toggle_comment_comments_and_uncomments_keeping_indent():
    buf, _ = make("if x:\n    a()\n\n    b()")
    buf.set_cursor((1, 2))
    buf.set_cursor((3, 5), select=True)
    buf.toggle_comment()
    assert buf.lines == ["if x:", "    # a()", "", "    # b()"]
    buf.toggle_comment()
    assert buf.lines == ["if x:", "    a()", "", "    b()"]


# ----- selection and moving --------------------------------------------------------------------------
def test_shift_arrows_select_and_typing_replaces_selection():
    buf, _ = make("hello world", (0, 0))
    for _ in range(5):
        buf.move_right(select=True)
    assert buf.selected_text() == "hello"
    buf.type_text("H")
    assert buf.get_text() == "H world"


def test_ctrl_arrows_jump_by_word():
    buf, _ = make("player.x += speed", (0, 0))
    buf.move_right(word=True)
    assert buf.cursor == (0, 6)
    buf.move_right(word=True)
    assert buf.cursor == (0, 8)
    buf.move_left(select=True, word=True)
    assert buf.selected_text() == "x"


def test_home_goes_to_first_letter_then_column_zero_and_end_selects():
    buf, _ = make("    jump()", (0, 8))
    buf.home()
    assert buf.cursor == (0, 4)
    buf.home()
    assert buf.cursor == (0, 0)
    buf.end(select=True)
    assert buf.selected_text() == "    jump()"


def test_up_down_keep_the_column_aimed_for():
    buf, _ = make("long line here\nab\nanother long line", (0, 10))
    buf.move_down()
    assert buf.cursor == (1, 2)
    buf.move_down()
    assert buf.cursor == (2, 10)


def test_page_moves_and_document_start_end():
    buf, _ = make("\n".join(str(i) for i in range(100)), (0, 0))
    buf.move_vertical(30)
    assert buf.cursor[0] == 30
    buf.move_vertical(-50, select=True)
    assert buf.cursor == (0, 0) and buf.selection() == ((0, 0), (30, 0))
    buf.end(document=True)
    assert buf.cursor == (99, 2)


def test_select_all_and_double_click_word():
    buf, _ = make("score = score + 1\nbye")
    buf.select_all()
    assert buf.selected_text() == buf.get_text()
    buf.select_word_at((0, 10))
    assert buf.selected_text() == "score"


def test_left_with_selection_collapses_to_its_start():
    buf, _ = make("abcdef", (0, 1))
    buf.set_cursor((0, 4), select=True)
    buf.move_left()
    assert buf.cursor == (0, 1) and buf.selection() is None


# ----- clipboard ------------------------------------------------------------------------------------
def test_cut_copy_paste_through_the_clipboard():
    buf, _ = make("one two", (0, 0))
    buf.set_cursor((0, 3), select=True)
    assert buf.copy()
    assert buf.clipboard.get() == "one"
    assert buf.cut()
    assert buf.get_text() == " two"
    buf.end()
    assert buf.paste()
    assert buf.get_text() == " twoone"


def test_paste_with_windows_line_endings_is_normalised():
    buf, _ = make()
    buf.clipboard.put("a\r\nb")
    buf.paste()
    assert buf.lines == ["a", "b"]
    assert buf.cursor == (1, 1)


def test_copy_without_selection_changes_nothing():
    buf, _ = make("abc")
    buf.clipboard.put("keep")
    assert not buf.copy() and not buf.cut()
    assert buf.clipboard.get() == "keep" and buf.get_text() == "abc"


# ----- undo / redo ---------------------------------------------------------------------------------
def test_a_typing_burst_undoes_in_one_step_and_a_pause_splits_it():
    buf, clock = make()
    type_chars(buf, "abc")
    clock.now += 5
    type_chars(buf, "def")
    buf.undo()
    assert buf.get_text() == "abc"
    buf.undo()
    assert buf.get_text() == ""
    buf.redo()
    buf.redo()
    assert buf.get_text() == "abcdef"


def test_moving_the_cursor_ends_a_typing_burst():
    buf, _ = make()
    type_chars(buf, "ab")
    buf.move_left()
    buf.type_text("X")
    buf.undo()
    assert buf.get_text() == "ab"


def test_backspace_burst_undoes_together_and_restores_cursor():
    buf, _ = make("hello", (0, 5))
    for _ in range(3):
        buf.backspace()
    assert buf.get_text() == "he"
    buf.undo()
    assert buf.get_text() == "hello" and buf.cursor == (0, 5)


def test_enter_with_auto_indent_is_one_undo_step():
    buf, _ = make("if a:    rest", (0, 5))
    buf.newline()
    assert buf.lines == ["if a:", "    rest"]
    buf.undo()
    assert buf.get_text() == "if a:    rest"


def test_new_edit_clears_redo():
    buf, _ = make("a", (0, 1))
    buf.type_text("b")
    buf.undo()
    buf.type_text("c")
    assert not buf.redo()
    assert buf.get_text() == "ac"


def test_modified_flag_follows_save_point_through_undo_and_redo():
    buf, _ = make("x", (0, 1))
    assert not buf.modified
    buf.type_text("y")
    assert buf.modified
    buf.mark_saved()
    assert not buf.modified
    buf.type_text("z")
    assert buf.modified
    buf.undo()
    assert not buf.modified
    buf.undo()
    assert buf.modified


# ----- replace_lines (the assistant's fix) ----------------------------------------------------------
def test_replace_lines_is_one_based_inclusive_and_one_undo_step():
    buf, _ = make("a\nif x\n    y()\nb")
    buf.replace_lines(2, 3, "if x:\n    y()\n")
    assert buf.lines == ["a", "if x:", "    y()", "b"]
    assert buf.cursor == (2, 7)
    buf.undo()
    assert buf.lines == ["a", "if x", "    y()", "b"]
    buf.redo()
    assert buf.lines[1] == "if x:"


def test_replace_lines_can_grow_and_shrink_the_program():
    buf, _ = make("1\n2\n3")
    buf.replace_lines(3, 3, "3\n4\n5")
    assert buf.lines == ["1", "2", "3", "4", "5"]
    buf.replace_lines(1, 4, "x")
    assert buf.lines == ["x", "5"]


def test_replace_lines_rejects_lines_outside_the_program():
    buf, _ = make("only")
    with pytest.raises(ValueError):
        buf.replace_lines(2, 2, "x")
    with pytest.raises(ValueError):
        buf.replace_lines(1, 0, "x")
    assert buf.get_text() == "only"


# ----- go to line, find, brackets -------------------------------------------------------------------
def test_goto_line_is_one_based_and_lands_on_first_letter():
    buf, _ = make("a\n    b\nc")
    buf.goto_line(2)
    assert buf.cursor == (1, 4)
    buf.goto_line(99)
    assert buf.cursor == (2, 0)


def test_find_next_selects_matches_in_order_and_wraps():
    buf, _ = make("Score = 0\nscore += 1\nprint(score)")
    assert buf.find_next("score")
    assert buf.selection() == ((0, 0), (0, 5))  # case does not matter by default
    assert buf.find_next("score")
    assert buf.selection() == ((1, 0), (1, 5))
    assert buf.find_next("score")
    assert buf.selection() == ((2, 6), (2, 11))
    assert buf.find_next("score")
    assert buf.selection() == ((0, 0), (0, 5))
    assert not buf.find_next("nothing here")


def test_matching_bracket_across_lines_and_ignoring_strings():
    buf, _ = make('draw(a, [1, 2],\n     ")", b)')
    assert buf.matching_bracket((0, 4)) == (1, 11)
    assert buf.matching_bracket((1, 12)) == (0, 4)  # just after the ) counts too
    assert buf.matching_bracket((0, 8)) == (0, 13)
    assert buf.matching_bracket((0, 1)) is None


def test_unbalanced_bracket_has_no_match():
    buf, _ = make("print((1)")
    assert buf.matching_bracket((0, 5)) is None


# ----- listeners ------------------------------------------------------------------------------------
def test_listeners_hear_which_lines_changed():
    buf, _ = make("a\nb\nc", (1, 1))
    heard = []
    buf.add_listener(lambda *change: heard.append(change))
    buf.newline()
    buf.replace_lines(1, 3, "z")
    assert heard == [(1, 1, 2), (0, 3, 1)]  # lines 1..3 of the 4 became one


def test_recovered_text_counts_as_unsaved_until_marked_saved():
    buf, _ = make()
    buf.set_text("recovered work", saved=False)
    assert buf.modified
    buf.mark_saved()
    assert not buf.modified


def test_backspace_in_the_indentation_takes_one_level_each_time_and_never_joins_an_indented_line():
    buf = TextBuffer("while True:\n            x = 1\n")
    buf.set_cursor((1, 12))
    seen = []
    for _ in range(3):
        buf.backspace()
        seen.append((buf.lines[1], buf.cursor))
    assert seen == [("        x = 1", (1, 8)), ("    x = 1", (1, 4)), ("x = 1", (1, 0))]
    buf.set_text("while True:\n        x = 1\n")
    buf.set_cursor((1, 0))                         # at the line's start, with indentation after the cursor
    buf.backspace()
    assert buf.lines[:2] == ["while True:", "    x = 1"] and buf.cursor == (1, 0)
    buf.backspace()
    assert buf.lines[:2] == ["while True:", "x = 1"]
    buf.backspace()                                # no indentation left: now the lines join
    assert buf.lines[0] == "while True:x = 1"
