"""Fixtures for tests that drive the real window."""
import pytest

from kidcoder.i18n import set_key_names
from tests.ui.driver import close_app, make_app, step


@pytest.fixture
def windows(tmp_path, monkeypatch):
    """windows(lang="en", size=(1200, 900), sugar=False) makes a real window in a fresh KidCoder home (sugar:
    as if started inside Sugar); every window is closed after the test."""
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path / "home"))
    made = []

    def make(lang="en", size=(1200, 900), sugar=False):
        if sugar:
            monkeypatch.setenv("SUGAR_BUNDLE_ID", "org.kidcoder.KidCoder")
        app = make_app(size, language=lang)
        made.append(app)
        step(app, 2)
        return app

    yield make
    for app in made:
        close_app(app)
    set_key_names({})          # a window made inside Sugar named its Ctrl keys in every text


@pytest.fixture(autouse=True)
def no_last_program():
    """Each test's window starts with a new program, not the one an earlier test in this home saved last."""
    from kidcoder.projects.store import ProgramStore

    ProgramStore().last_note.unlink(missing_ok=True)
    yield
