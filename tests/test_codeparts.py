"""The one "code part of a line" helper (kidcoder.codeparts) and every layer that uses it agree with Python."""
import ast
import io
import tokenize
import warnings

import pytest

from kidcoder import codeparts
from kidcoder.codeparts import code_part, comment_start, masked, split_comment
from kidcoder.diagnosis.syntax_brackets import open_brackets
from kidcoder.editor import textops
from kidcoder.making.settings_block import fill_settings, read_settings

pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, assume, given, settings, strategies as st  # noqa: E402

# The line two of the old hand-written scanners read differently: one skipped the escaped quote,
# the other ended the string there and took #b" as the comment.
ESCAPED = 'x = "a\\"#b"  # real'


def test_an_escaped_quote_does_not_end_the_string():
    assert comment_start(ESCAPED) == ESCAPED.index("# real")
    assert split_comment(ESCAPED) == ('x = "a\\"#b"', "  # real")
    assert code_part(ESCAPED) == 'x = "a\\"#b"'


def test_every_layer_reads_the_escaped_quote_the_same_way():
    assert textops.wants_indent_after('if x == "a\\"#b":  # real')
    assert not textops.wants_indent_after('x = "a\\"#b:"  # real:')
    assert textops.matching_bracket(['f("a\\"#(", 1)  # )'], (0, 1)) == (0, 12)
    assert open_brackets(['f("a\\"#(", 1  # )'], 1) == [("(", 1, 2)]
    block = '# ---- SETTINGS ----\nNAME = "a\\"#b"  # real\n# ---- END OF SETTINGS ----\n'
    assert read_settings(block) == {"NAME": 'a"#b'}
    assert '"x"  # real' in fill_settings(block, {"NAME": "x"})


def test_comments_and_strings_in_ordinary_lines():
    assert split_comment("s = '#red'  # colour") == ("s = '#red'", "  # colour")
    assert split_comment("if x:  ") == ("if x:", "  ")
    assert comment_start("    # only a comment") == 4
    assert comment_start("print('no comment here')") is None


def test_text_that_does_not_tokenize_is_read_like_a_person_would():
    assert comment_start("x = (1,  # open bracket") == 9
    assert comment_start('x = "never closed # not a comment') is None
    assert comment_start('x = f"never closed # not a comment') is None
    assert comment_start('x = """still open # not a comment') is None
    assert comment_start("        y = 2  # unindent that matches nothing") == 15


def test_masked_hides_strings_and_comments_over_lines():
    blanked = masked(['x = """(', ')""" + f(1)  # (', "y('('"])
    assert "(" not in blanked[0]
    assert blanked[1].count("(") == 1 and blanked[1].count(")") == 1
    assert blanked[2] == "y(   "
    assert masked(['a = "(', 'b = (1)']) == ["a =   ", "b = (1)"]   # an open string ends with its line
    assert masked(['s = """(', "(", "("]) == ["s =     ", " ", " "]  # an open triple string runs to the end


# ----- properties: agree with Python's tokenizer and parser ------------------------------------------
# Most random lines are not Python, so many are filtered out; and a busy machine is no failure.
CALM = [HealthCheck.too_slow, HealthCheck.filter_too_much]
PIECES = st.sampled_from(["x", "y1", " ", "#", "'", '"', "\\", '\\"', "\\'", "(", ")", "[", "]", "=", "+",
                          ":", "1", "f", "r", "é", "\'\'\'", '"""', "x = ", "\t"])
LINES = st.lists(PIECES, max_size=14).map("".join)


def _literal(quote, text, prefix):
    """A string literal holding text, its quotes and backslashes escaped the usual way."""
    return prefix + quote + text.replace("\\", "\\\\").replace(quote, "\\" + quote) + quote


LITERALS = st.builds(_literal, st.sampled_from(["'", '"']), st.text(alphabet="a#\\\"'( :", max_size=6),
                     st.sampled_from(["", "f", "b"]))
# Lines that are real statements: strings full of # and escaped quotes, then maybe a comment.
STATEMENTS = st.builds(lambda indent, parts, comment: indent + "x = " + " + ".join(parts) + comment,
                       st.sampled_from(["", "    "]), st.lists(LITERALS, min_size=1, max_size=3),
                       st.sampled_from(["", "  # real", "#", " # 'q' \"# x"]))


def _tokens(text):
    return list(tokenize.generate_tokens(io.StringIO(text).readline))


def _clean_tokens(line):
    """tokenize's tokens for a line that tokenizes without any error, else None."""
    try:
        tokens = _tokens(line + "\n")
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    return None if any(t.type == tokenize.ERRORTOKEN for t in tokens) else tokens


@settings(max_examples=300, deadline=None, suppress_health_check=CALM)
@given(st.one_of(STATEMENTS, LINES))
def test_comment_start_is_where_tokenize_finds_the_comment(line):
    tokens = _clean_tokens(line)
    assume(tokens is not None)
    comments = [t.start[1] for t in tokens if t.type == tokenize.COMMENT]
    assert comment_start(line) == (comments[0] if comments else None)


@settings(max_examples=300, deadline=None, suppress_health_check=CALM)
@given(st.one_of(STATEMENTS, LINES))
def test_code_part_means_the_same_program_as_the_line(line):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")          # odd escapes such as "\:" are fine here
        try:
            tree = ast.parse(line)
        except (SyntaxError, ValueError):
            assume(False)
        code_tree = ast.parse(code_part(line))
    code, rest = split_comment(line)
    assert code + rest == line
    assert rest.strip() == "" or rest.lstrip().startswith("#")
    assert ast.dump(code_tree) == ast.dump(tree)


@settings(max_examples=150, deadline=None, suppress_health_check=CALM)
@given(st.lists(LINES, min_size=1, max_size=5))
def test_masked_keeps_exactly_the_brackets_tokenize_sees_as_code(lines):
    try:
        tokens = _tokens("\n".join(line.lstrip() for line in lines) + "\n")
    except (tokenize.TokenError, IndentationError, SyntaxError):
        assume(False)
    assume(not any(t.type == tokenize.ERRORTOKEN for t in tokens))
    stripped = [line.lstrip() for line in lines]
    want = {(t.start[0] - 1, t.start[1]) for t in tokens if t.type == tokenize.OP and t.string in "()[]"}
    got = {(row, col) for row, text in enumerate(masked(stripped)) for col, ch in enumerate(text) if ch in "()[]"}
    assert got == want
    assert [len(text) for text in masked(lines)] == [len(line) for line in lines]


@settings(max_examples=200, deadline=None, suppress_health_check=CALM)
@given(LINES)
def test_any_line_is_split_without_losing_a_character(line):
    code, rest = split_comment(line)
    assert code + rest == line and code == code_part(line) and code == code.rstrip()
    assert len(codeparts.masked([line])[0]) == len(line)
