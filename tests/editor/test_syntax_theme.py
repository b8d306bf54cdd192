"""Both syntax themes stay readable and tell token kinds apart by more than colour."""
import pytest

from kidcoder.editor.theme import THEMES, contrast_ratio, load_theme, parse_color

KINDS_NEEDED = ("keyword", "constant", "builtin", "definition", "string", "number", "comment")


@pytest.mark.parametrize("name", THEMES)
def test_every_token_colour_is_readable_on_every_background(name):
    theme = load_theme(name)
    for background in ("background", "current_line", "selection"):
        bg = theme.color(background)
        assert contrast_ratio(theme.color("text"), bg) >= 7
        for kind, style in theme.tokens.items():
            assert contrast_ratio(style.color, bg) >= 4.5, (name, kind, background)
    assert contrast_ratio(theme.color("gutter_text"), theme.color("gutter_background")) >= 4.5
    assert contrast_ratio(theme.color("error_text"), theme.color("error_background")) >= 4.5
    assert contrast_ratio(theme.color("cursor"), theme.color("background")) >= 3


@pytest.mark.parametrize("name", THEMES)
def test_main_kinds_differ_by_style_not_only_by_colour(name):
    theme = load_theme(name)
    for kind in KINDS_NEEDED:
        assert kind in theme.tokens
    shapes = {kind: (s.bold, s.italic, s.underline) for kind, s in theme.tokens.items()}
    assert shapes["keyword"] != shapes["string"]      # bold vs plain
    assert shapes["comment"] != shapes["string"]      # italic vs plain
    assert shapes["definition"] != shapes["keyword"]  # underlined


def test_unknown_theme_falls_back_to_default():
    assert load_theme("rainbow").name == "default"


def test_contrast_ratio_extremes_and_colour_parsing():
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((10, 20, 30), (10, 20, 30)) == pytest.approx(1.0)
    assert parse_color("#0A0B0C") == (10, 11, 12)
    with pytest.raises(ValueError):
        parse_color("#123")
