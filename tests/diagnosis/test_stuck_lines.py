"""Lines of loops that surely never end: the probe may call a game stuck there much sooner."""
import pytest

from kidcoder.diagnosis.stuck_lines import stuck_lines

HEADER = "import pygame\npygame.init()\nscreen = pygame.display.set_mode((200, 150))\n"


def test_a_loop_whose_condition_nothing_changes_is_sure():
    source = HEADER + ("x = 0\nwhile x < 100:\n    screen.fill((0, 0, 0))\n"
                       "    pygame.draw.circle(screen, (255, 0, 0), (x, 50), 5)\npygame.display.flip()\n")
    assert stuck_lines(source) == frozenset({5, 6, 7})


def test_a_while_meant_as_if_on_the_event_is_sure():
    source = HEADER + ("x = 0\nwhile True:\n    for event in pygame.event.get():\n"
                       "        while event.type == pygame.KEYDOWN:\n            x = x + 1\n    pygame.display.flip()\n")
    assert stuck_lines(source) == frozenset({7, 8})     # the game loop reads events: only the inner loop


@pytest.mark.parametrize("body", [
    "while x < 100:\n    x = x + 1\n",                                 # it changes the condition
    "while True:\n    if x:\n        break\n",                           # a way out
    "while True:\n    pygame.event.pump()\n",                             # it reads events
    "while True:\n    pygame.display.flip()\n",                           # it shows frames
    "def step():\n    global x\n    x = 5\nwhile x < 3:\n    step()\n",  # the program's own function
    "while True:\n    sys.exit()\n",                                      # it ends the program
    "while x:\n    x.pop()\n",                                           # a method may change it
    "import random\nwhile x:\n    random.shuffle(x)\n",                  # a module's function may change it
    "go = lambda: None\nwhile x < 3:\n    go()\n",                        # a name that may be anything
    "while player.alive:\n    pass\nclass P:\n    @property\n    def alive(self):\n        return False\n",
    "while x < 3:\n    x += 1\n",
    "import threading\nwhile x < 3:\n    pass\n",                         # another thread may change it
    "while False:\n    pass\n",
    "while x < 3\n    pass\n",                                            # does not compile: no lines
])
def test_any_doubt_gives_no_lines(body):
    assert stuck_lines(HEADER + "x = 0\n" + body) == frozenset()


@pytest.mark.parametrize("body", [
    "while x:\n    other = x\n    other.pop()\n",                     # another name for the same list
    "while p.alive:\n    q = p\n    q.alive = False\n",               # a part of something set
    "while x < 3:\n    vars()['x'] = 5\n",
])
def test_a_loop_that_may_change_its_condition_another_way_is_not_sure(body):
    assert stuck_lines(HEADER + "x = [1]\np = None\n" + body) == frozenset()
