"""Highlighting: token kinds, half-typed code, and incremental updates matching a full recompute."""
from kidcoder.editor.buffer import TextBuffer
from kidcoder.editor.highlight import Highlighter, highlight_line, highlight_text, match_bracket


def kinds(line, state=None):
    spans, _ = highlight_line(line, state)
    return [(line[a:b], kind) for a, b, kind in spans]


def test_keywords_names_numbers_comments_and_definitions():
    got = kinds("def jump(self, power=12):  # up!")
    assert ("def", "keyword") in got
    assert ("jump", "definition") in got
    assert ("self", "self") in got
    assert ("12", "number") in got
    assert ("# up!", "comment") in got
    assert not any(text == "power" for text, _ in got)  # plain names stay plain


def test_builtins_constants_and_decorators():
    got = kinds("@property")
    assert got == [("@", "decorator"), ("property", "decorator")]
    got = kinds("x = print(len(a)) or None")
    assert ("print", "builtin") in got and ("len", "builtin") in got and ("None", "constant") in got


def test_unclosed_string_colours_only_the_rest_of_its_line():
    text = 'print("hola\nscore = 10\nif score > 5:\n    print(\'win\')'
    lines = highlight_text(text)
    first = text.split("\n")[0]
    assert (6, len(first), "string") in lines[0]
    # The next lines are coloured as code again.
    second = [(text.split("\n")[1][a:b], k) for a, b, k in lines[1]]
    assert ("10", "number") in second
    third = [(text.split("\n")[2][a:b], k) for a, b, k in lines[2]]
    assert ("if", "keyword") in third
    fourth = [(text.split("\n")[3][a:b], k) for a, b, k in lines[3]]
    assert ("'win'", "string") in fourth


def test_unclosed_prefixed_string_includes_its_prefix():
    assert kinds('msg = f"score {s}')[-1] == ('f"score {s}', "string")


def test_triple_quoted_string_carries_over_lines_until_closed():
    text = 's = """one\ntwo # not a comment\nthree""" + x\ny = 1'
    lines = highlight_text(text)
    rows = text.split("\n")
    assert lines[1] == [(0, len(rows[1]), "string")]
    third = [(rows[2][a:b], k) for a, b, k in lines[2]]
    assert third[0] == ('three"""', "string")
    assert ("+", "operator") in third
    assert [(rows[3][a:b], k) for a, b, k in lines[3]] == [("=", "operator"), ("1", "number")]


def test_unclosed_triple_string_leaves_an_open_state():
    spans, state = highlight_line("doc = '''start")
    assert state == ("'''", False)
    assert spans[-1][2] == "string"
    spans, state = highlight_line("still inside", state)
    assert state == ("'''", False) and spans == [(0, 12, "string")]


def test_backslash_continued_string_and_open_bracket():
    lines = highlight_text('s = "abc\\\ndef" + 1\nitems = [1,\n  2]')
    assert lines[1][0] == (0, 4, "string")
    assert (5, 6, "operator") in lines[1]
    assert (2, 3, "number") in lines[3]  # a line inside an open bracket is coloured normally


def test_garbage_never_raises():
    for line in ["$$$", "\t\t)", "'''", "def (", "x = 1e", "0b2", '"\\', "\x0c", "é = ñ", "    return"]:
        spans, _ = highlight_line(line)
        for a, b, kind in spans:
            assert 0 <= a <= b <= len(line)


def full(lines):
    return highlight_text("\n".join(lines))


def test_incremental_refresh_only_redoes_changed_lines():
    buf = TextBuffer("\n".join(f"x{i} = {i}" for i in range(200)))
    hl = Highlighter(buf.lines)
    buf.add_listener(hl.lines_changed)
    assert hl.refresh(buf.lines) == 200
    buf.set_cursor((100, 3))
    buf.type_text("7")
    assert hl.refresh(buf.lines) == 1
    assert hl.refresh(buf.lines) == 0


def test_opening_a_triple_quote_recolours_what_follows_and_closing_it_restores():
    buf = TextBuffer("a = 1\nb = 2\nc = 3\nd = 4")
    hl = Highlighter(buf.lines)
    buf.add_listener(hl.lines_changed)
    hl.refresh(buf.lines)
    buf.set_cursor((1, 4))
    buf.type_text('"""')
    hl.refresh(buf.lines)
    assert hl.spans(3) == [(0, 5, "string")]
    buf.set_cursor((2, 5))
    buf.type_text('"""')
    done = hl.refresh(buf.lines)
    assert done == 2  # line 3, and line 4 whose state changed back; nothing after
    assert hl.spans(3) == full(buf.lines)[3] and (4, 5, "number") in hl.spans(3)


def test_match_bracket_uses_spans_and_skips_brackets_in_strings_and_comments():
    text = 'draw(a, ")", [1,\n  2])  # (\nx = (1'
    lines = text.split("\n")
    spans = highlight_text(text)
    spans_of = spans.__getitem__
    assert match_bracket(lines, spans_of, (0, 4)) == (1, 4)
    assert match_bracket(lines, spans_of, (1, 4)) == (0, 4)
    assert match_bracket(lines, spans_of, (0, 13)) == (1, 3)
    assert match_bracket(lines, spans_of, (0, 9)) is None     # the ) inside the string
    assert match_bracket(lines, spans_of, (1, 8)) is None     # the ( inside the comment
    assert match_bracket(lines, spans_of, (2, 4)) is None     # never closed
    assert match_bracket(lines, spans_of, (0, 4), limit=1) is None  # partner beyond the search limit
