"""The hint ladder asks about the same game up to three times: its probe trace is played once."""
from kidcoder.diagnosis.checkrun import RecentProbes, prober_beside

GAME = ("import pygame\npygame.init()\nscreen = pygame.display.set_mode((200, 150))\n"
        "picture = pygame.image.load('dot.bmp')\nwhile True:\n    screen.blit(picture, (0, 0))\n")


def test_recent_probes_keep_a_few_and_forget_old_ones():
    recent = RecentProbes(size=2, max_age=60.0)
    for number in range(3):
        recent.put(("a", number), {"runs": [number]})
    assert recent.get(("a", 0)) is None and recent.get(("a", 2)) == {"runs": [2]}
    recent.get(("a", 2))["runs"].append(9)        # a copy: the caller cannot change what is kept
    assert recent.get(("a", 2)) == {"runs": [2]}
    assert RecentProbes(max_age=-1.0).get(("a", 2)) is None
    old = RecentProbes(max_age=-1.0)
    old.put(("b",), {"runs": []})
    assert old.get(("b",)) is None


def test_the_same_game_is_played_once_until_a_file_it_names_changes(tmp_path):
    import pygame

    picture = tmp_path / "dot.bmp"
    pygame.image.save(pygame.Surface((4, 4)), str(picture))
    path = tmp_path / "game.py"
    path.write_text(GAME, encoding="utf-8")
    probe = prober_beside(str(path), recent=RecentProbes())
    first = probe(GAME)
    assert first["runs"][0]["steps"][0]["input"] == "start"
    assert probe(GAME) == first                       # same seconds to the millisecond: not played again
    pygame.image.save(pygame.Surface((6, 6)), str(picture))
    assert probe(GAME) != first                       # the picture changed: played again
    assert prober_beside(str(path), recent=None)(GAME) != first
