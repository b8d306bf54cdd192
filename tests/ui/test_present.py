"""Only the changed parts of the window are sent to the screen, and nothing that changed is missed."""
import pygame

from kidcoder.ui.present import Presenter, changed_runs, row_hashes


def test_changed_runs_join_close_rows():
    before = [1] * 50
    after = list(before)
    for y in (3, 4, 9, 30):
        after[y] = 2
    assert changed_runs(after, before) == [(3, 10), (30, 31)]
    assert changed_runs(before, before) == []


def test_row_hashes_look_only_inside_their_strip():
    pitch, height = 16, 3                      # 4 pixels a row, 4 bytes a pixel
    frame = bytearray(pitch * height)
    left = row_hashes(bytes(frame), pitch, height, 0, 2)
    frame[1 * pitch + 12] = 255                # row 1, pixel 3 (the right strip)
    assert row_hashes(bytes(frame), pitch, height, 0, 2) == left
    assert changed_runs(row_hashes(bytes(frame), pitch, height, 2, 4), row_hashes(bytes(pitch * height), pitch,
                                                                                     height, 2, 4)) == [(1, 2)]


def test_presenter_sends_the_whole_frame_first_then_only_changes():
    pygame.display.init()
    screen = pygame.display.set_mode((200, 100))
    presenter = Presenter()
    screen.fill((0, 0, 0))
    assert presenter.present(screen, [120]) == [pygame.Rect(0, 0, 200, 100)]
    assert presenter.present(screen, [120]) == []              # nothing changed: nothing sent
    screen.fill((255, 0, 0), pygame.Rect(130, 40, 10, 5))     # a change in the right strip
    assert presenter.present(screen, [120]) == [pygame.Rect(120, 40, 80, 5)]
    screen.fill((0, 255, 0), pygame.Rect(10, 10, 5, 5))
    screen.fill((0, 255, 0), pygame.Rect(150, 90, 5, 5))
    assert presenter.present(screen, [120]) == [pygame.Rect(0, 10, 120, 5), pygame.Rect(120, 90, 80, 5)]
    presenter.forget()
    assert presenter.present(screen, [120]) == [pygame.Rect(0, 0, 200, 100)]


def test_rows_sent_by_someone_else_are_sent_again_next_time():
    pygame.display.init()
    screen = pygame.display.set_mode((200, 100))
    presenter = Presenter()
    screen.fill((0, 0, 0))
    presenter.present(screen, [120])
    presenter.touched(pygame.Rect(10, 95, 20, 30))              # partly below the window
    presenter.touched(pygame.Rect(130, 20, 10, 0))              # no rows
    assert presenter.present(screen, [120]) == [pygame.Rect(0, 95, 120, 5)]
    assert presenter.present(screen, [120]) == []
