"""Focus order and shortcuts are plain data: every toolbar action has a key, Tab order is sensible."""
import pygame

from kidcoder.ui import focus
from kidcoder.ui.keys import GAME_KEEPS, SHORTCUTS, action_for_key, shortcut_for_game
from kidcoder.ui.toolbar import BUTTONS

ACTIONS = [spec.action for spec in BUTTONS if spec.group == "main"]
VIEW = [spec.action for spec in BUTTONS if spec.group == "view"]


def test_every_toolbar_action_has_a_shortcut():
    assert set(ACTIONS + VIEW) <= set(SHORTCUTS.values())
    assert action_for_key(pygame.K_EQUALS, pygame.KMOD_LCTRL | pygame.KMOD_LSHIFT) == "zoom_in"
    assert action_for_key(pygame.K_MINUS, pygame.KMOD_LCTRL) == "zoom_out"


def test_function_keys_and_ctrl_shortcuts():
    assert action_for_key(pygame.K_F5, 0) == "run"
    assert action_for_key(pygame.K_F5, pygame.KMOD_LSHIFT) == "run"
    assert action_for_key(pygame.K_F6, 0) == "stop"
    assert action_for_key(pygame.K_s, pygame.KMOD_LCTRL) == "save"
    assert action_for_key(pygame.K_s, 0) is None                 # typing an s is typing
    assert action_for_key(pygame.K_TAB, pygame.KMOD_LCTRL) == "next_pane"
    assert action_for_key(pygame.K_TAB, pygame.KMOD_LCTRL | pygame.KMOD_LSHIFT) == "previous_pane"
    assert action_for_key(pygame.K_TAB, 0) is None               # Tab indents in the editor
    assert action_for_key(pygame.K_s, pygame.KMOD_RALT | pygame.KMOD_LCTRL) is None   # AltGr is not Ctrl


def test_the_game_keeps_its_keys_except_the_window_ones():
    assert shortcut_for_game(pygame.K_F6, 0) == "stop"
    assert shortcut_for_game(pygame.K_s, pygame.KMOD_LCTRL) is None   # a game may use Ctrl+S
    assert shortcut_for_game(pygame.K_SPACE, 0) is None
    assert "run" in GAME_KEEPS and "stop" in GAME_KEEPS


def test_tab_order_goes_left_to_right_and_wraps():
    order = focus.focus_order(ACTIONS, console_waiting=False, more_shown=True, fix_shown=False)
    assert order[: len(ACTIONS)] == [f"tb:{a}" for a in ACTIONS]
    assert order.index("editor") < order.index("more") < order.index("question") < order.index("ask")
    assert "console" not in order and "fix" not in order
    assert focus.next_target(order, order[-1]) == order[0]
    assert focus.next_target(order, "tb:new", -1) == order[-1]
    assert focus.next_target(order, "gone") == "editor"


def test_ctrl_tab_jumps_between_panes():
    order = focus.focus_order(ACTIONS, console_waiting=True, more_shown=False, fix_shown=False)
    assert focus.next_pane(order, "editor") == "question"
    assert focus.next_pane(order, "question") == "preview"
    assert focus.next_pane(order, "preview") == "console"
    assert focus.next_pane(order, "console") == "tb:new"
    with_view = focus.focus_order(ACTIONS, False, False, False, VIEW)
    assert with_view[-len(VIEW):] == [f"vw:{a}" for a in VIEW]          # the status bar's buttons come last
    assert focus.next_pane(with_view, "preview") == f"vw:{VIEW[0]}"
    assert focus.next_pane(order, "tb:run") == "editor"
    assert focus.next_pane(order, "editor", -1) == "tb:new"
