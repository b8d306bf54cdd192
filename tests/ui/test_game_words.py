"""The words when a game ends tell what happened: not "Your game ended." after a syntax error."""
from types import SimpleNamespace

from kidcoder.i18n import tr
from kidcoder.ui.game_words import ending_words


def test_a_program_python_could_not_read_did_not_start():
    error = SimpleNamespace(type="SyntaxError", line=5)
    preview, status = ending_words("error", error, frames=0, lang="en")
    assert status == "Your program did not start. Look at line 5."
    assert "line 5" in preview and "ended" not in preview and status != tr("ui.status.ended", "en")
    assert ending_words("error", SimpleNamespace(type="IndentationError", line=None), 0, lang="es")[1] == \
        tr("files.status.not_started", "es")


def test_a_crash_says_where_and_a_quit_says_ended():
    preview, status = ending_words("error", SimpleNamespace(type="NameError", line=13), frames=40, lang="en")
    assert preview == tr("ui.preview.crashed", "en") and status.endswith("at line 13.")
    assert ending_words("ok", None, frames=300, lang="en") == (tr("ui.preview.ended", "en"),
                                                              tr("ui.status.ended", "en"))
    assert ending_words("ok", None, frames=0, has_window=False, lang="en")[1] == "Your program ended."
    assert ending_words("killed", None, frames=10, memory=True, lang="en")[0] == tr("ui.preview.memory", "en")
