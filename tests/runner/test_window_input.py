"""Window events become the game's messages the same way in the studio's preview and in the plain viewer."""
import pygame

from kidcoder.runner import protocol
from kidcoder.runner.window_input import HeldKeys, event_to_message


def test_keys_and_text_keep_what_the_game_needs():
    down = event_to_message(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_a, mod=pygame.KMOD_LSHIFT,
                                               unicode="A", scancode=4))
    assert down == protocol.KeyEvent(action="down", key=pygame.K_a, mod=pygame.KMOD_LSHIFT, unicode="A", scancode=4)
    up = event_to_message(pygame.event.Event(pygame.KEYUP, key=pygame.K_a, mod=0))
    assert up.action == "up" and up.unicode == "" and up.scancode == 0
    assert event_to_message(pygame.event.Event(pygame.TEXTINPUT, text="ñ")) == protocol.TextEvent(text="ñ")


def test_the_mouse_is_in_the_games_own_pixels():
    # the preview shows a 600x400 game at half size, drawn from (100, 50) in the window
    scale, offset = (0.5, 0.5), (100, 50)
    motion = event_to_message(pygame.event.Event(pygame.MOUSEMOTION, pos=(130, 70), rel=(2, -3), buttons=(1, 0, 0)),
                              scale, offset)
    assert motion == protocol.MouseMotion(pos=[60, 40], rel=[4, -6], buttons=[1, 0, 0])
    click = event_to_message(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(400, 250), button=3), scale, offset)
    assert click == protocol.MouseButton(action="up", pos=[600, 400], button=3)
    plain = event_to_message(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(5, 6), button=1))
    assert plain.pos == [5, 6]          # the terminal viewer shows the game at its own size


def test_wheel_and_closing_the_window_reach_the_game_and_nothing_else_does():
    assert event_to_message(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1)) == protocol.MouseWheel(x=0, y=-1)
    assert event_to_message(pygame.event.Event(pygame.QUIT)) == protocol.QuitEvent()
    assert event_to_message(pygame.event.Event(pygame.WINDOWFOCUSLOST)) is None


def test_held_keys_are_let_go_once():
    held = HeldKeys()
    for kind, key in ((pygame.KEYDOWN, pygame.K_RIGHT), (pygame.KEYDOWN, pygame.K_SPACE),
                      (pygame.KEYDOWN, pygame.K_a), (pygame.KEYUP, pygame.K_a)):
        held.note(pygame.event.Event(kind, key=key, mod=0))
    held.note(pygame.event.Event(pygame.TEXTINPUT, text="a"))
    released = held.release()
    assert [(m.action, m.key) for m in released] == sorted([("up", pygame.K_RIGHT), ("up", pygame.K_SPACE)],
                                                          key=lambda pair: pair[1])
    assert held.release() == []
