"""The dock's tabs: the helper and the console share one box; whatever is newest shows."""
from kidcoder.ui.dock import CONSOLE, HELPER, DockTabs


def test_no_console_tab_until_the_game_prints():
    tabs = DockTabs()
    assert not tabs.follow(0, 0, False)
    assert tabs.shown == HELPER and not tabs.console_tab
    assert tabs.follow(0, 2, False)                    # the game's first words show the console
    assert tabs.shown == CONSOLE and tabs.console_tab and not tabs.news
    tabs.follow(0, 0, False)                           # the next Run empties the console: the tab goes
    assert tabs.shown == HELPER and not tabs.console_tab


def test_a_new_hint_shows_the_helper_and_marks_the_console():
    tabs = DockTabs()
    tabs.follow(0, 3, False)
    assert tabs.shown == CONSOLE
    tabs.follow(1, 5, False)                           # an error: the helper's words, more printing
    assert tabs.shown == HELPER and tabs.news


def test_printing_never_hides_a_hint():
    tabs = DockTabs()
    tabs.follow(1, 0, False, pinned=True)
    tabs.follow(1, 4, False, pinned=True)              # the traceback's lines after the hint
    assert tabs.shown == HELPER and tabs.news and tabs.console_tab


def test_a_question_from_the_game_shows_the_console_even_over_a_hint():
    tabs = DockTabs()
    tabs.follow(1, 1, False, pinned=True)
    tabs.follow(1, 1, True, pinned=True)
    assert tabs.shown == CONSOLE
    tabs.follow(2, 1, True)                            # the helper says something while the game waits
    assert tabs.shown == CONSOLE and tabs.news


def test_the_childs_choice_stands_until_something_new():
    tabs = DockTabs()
    tabs.follow(0, 2, False)
    tabs.choose(HELPER)
    assert tabs.shown == HELPER and not tabs.news
    tabs.follow(0, 2, False)
    assert tabs.shown == HELPER
    tabs.follow(0, 3, False)                           # more printing: only a dot
    assert tabs.shown == HELPER and tabs.news
    tabs.choose(CONSOLE)
    assert tabs.shown == CONSOLE and not tabs.news
    tabs.follow(0, 0, False)
    tabs.choose(CONSOLE)                               # no console tab: nothing to choose
    assert tabs.shown == HELPER
