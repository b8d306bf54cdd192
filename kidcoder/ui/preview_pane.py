"""The preview pane: the running game's newest frame, scaled to fit with its aspect ratio.

It asks the game for a frame only when the frame number moved (cheap), scales it straight out
of the shared memory the game drew it in (a moving game with the fast scaler; no copy at the
game's size), while nothing else is drawn over the picture straight into the window (`show_picture`,
`keep`), copies that frame out only when a picture that stays is smoothed or the frame
itself is asked for (a thumbnail), and maps keys and mouse over the
picture into the game's own coordinates (runner/window_input.py translates them, as for
`kidcoder run`'s viewer). Pause and Step sit in its title strip, next to the game they
control, while a game runs.
"""
from __future__ import annotations

import time
from typing import Dict, Optional

import pygame
import pygame_gui

from kidcoder.i18n import retranslate, tr
from kidcoder.ui.game_control import GameState
from kidcoder.ui.layout import PREVIEW_HINT_H, Box, Layout, picture_area, shown_place
from kidcoder.ui.pane import Pane, PaneKit, move_element
from kidcoder.ui.style import draw_title, wrap_text

SMOOTH_UP_TO = 1.0      # scaling down uses smoothscale; scaling up keeps crisp pixels
SETTLE_S = 0.15         # a game's picture scaled down while it moves uses the fast scaler (4 times cheaper; at
                        # 60 frames a second the eye sees no difference); one that stays this long is smoothed
HINT_H = PREVIEW_HINT_H  # a strip under the picture says how to play (it never covers the game)
GAME_BUTTONS = (("pause", "ui.preview.pause"), ("step", "ui.preview.step"))     # (command, words)


class PreviewPane(Pane):
    """Draws frames; `focused` means the game has the keyboard and the mouse."""

    region = "preview"

    def __init__(self, layout: Layout, kit: PaneKit):
        super().__init__(layout, kit)
        self.shown_number = 0
        self.frames_drawn = 0
        self.game_size = (0, 0)
        self._scaled: Optional[pygame.Surface] = None     # the picture shown
        self._spare: Optional[pygame.Surface] = None      # the next one is scaled into this, then they swap
        self._source = None                               # the game the frames come from (None: gone)
        self._copied = 0                                  # the frame number _last_frame holds
        self._shown = Box(0, 0, 0, 0)
        self._scale = 1.0
        self._last_frame = None
        self._rough_at: Optional[float] = None   # when the picture was scaled with the fast scaler (None: smooth)
        self._on_screen = None      # the window, when the picture shown lives there and not in _scaled (keep())
        self._into_spare = True     # the frame being taken goes into _spare (else: into the window)
        self.caption = ""
        self.fps = 0.0
        self.state = GameState.IDLE
        self.message = ""           # a kind line shown over the picture (no frame, ended, ...)
        self._held = None           # the keys the game was told are down (a HeldKeys, from the first key)
        self.title_right = 0        # where the Pause and Step buttons begin (0: no buttons)
        self.playing = layout.playing   # laid out for a game that plays (big, with the click-to-play strip)
        self.game_buttons = self._make_game_buttons()
        self._drawn = None          # _below_title() when the pane was last drawn whole

    @property
    def last_frame(self) -> Optional[pygame.Surface]:
        """The newest frame at the game's own size (None before the first), copied out when asked for."""
        self._copy_latest()
        return self._last_frame

    @property
    def shown_box(self) -> Box:
        """Where the picture is drawn in the window."""
        return self._shown

    @property
    def area(self) -> Box:
        return picture_area(self.box, self.playing)

    def hint_box(self) -> Box:
        """The click-to-play strip under the picture (there while a game plays)."""
        body = self.box.below_title()
        strip = HINT_H if self.playing else 0
        return Box(body.x, body.bottom - strip, body.w, strip)

    def place(self, layout: Layout) -> None:
        self.playing = layout.playing
        self.set_box(layout.preview)

    def set_box(self, box: Box) -> None:
        self.box = box
        self._rescale()
        for action, rect in self._game_button_rects().items():
            move_element(self.game_buttons[action], rect)

    # ---- Pause and Step ---------------------------------------------------------------------
    def _make_game_buttons(self) -> Dict[str, pygame_gui.elements.UIButton]:
        """Made at their real size (a button resized while hidden shows stale text for a while)."""
        rects = self._game_button_rects()
        return {action: pygame_gui.elements.UIButton(rects[action], tr(key), self.manager,
                                                     tool_tip_text=tr(key + "_tip"), object_id="#small_button",
                                                     visible=0)
                for action, key in GAME_BUTTONS}

    def _game_button_rects(self) -> Dict[str, pygame.Rect]:
        title = self.box.title()
        x = title.right - 4
        rects = {}
        for action, key in reversed(GAME_BUTTONS):
            width = self.fonts.button_width(tr(key), 20)
            x -= width
            rects[action] = pygame.Rect(x, title.y + 2, width, title.h - 4)
            x -= 6
        return rects

    def show_game_buttons(self, live: bool) -> None:
        """Pause and Step show while a game runs (or is paused); the title stops where they begin."""
        for button in self.game_buttons.values():
            if live and not button.visible:
                button.show()
                button.rebuild()        # its size may have changed while hidden
            elif not live and button.visible:
                button.hide()
        self.title_right = self.game_buttons["pause"].get_abs_rect().x if live else 0

    def relabel(self) -> None:
        for action, key in GAME_BUTTONS:
            self.game_buttons[action].set_text(tr(key))
            self.game_buttons[action].tool_tip_text = tr(key + "_tip")
        self.message = retranslate(self.message)

    def action_for(self, element) -> Optional[str]:
        for action, button in self.game_buttons.items():
            if button is element:
                return action
        return None

    def clear(self) -> None:
        self.shown_number = 0
        self._scaled = self._spare = self._last_frame = self._rough_at = self._source = self._on_screen = None
        self._copied = 0
        self.game_size = (0, 0)
        self.caption, self.fps, self.message = "", 0.0, ""

    # ---- frames ---------------------------------------------------------------------------
    def refresh(self, game) -> bool:
        """Show the game's newest frame if it changed; True when a new one was taken. A picture scaled
        fast that stayed SETTLE_S (the game paused, stopped or waits) is scaled again, smoothly."""
        self._source = game
        number = game.latest_number() if game is not None else self.shown_number
        if number == self.shown_number:
            if self._rough_at is not None and time.perf_counter() - self._rough_at >= SETTLE_S:
                self._rescale()
            return False
        taken = game.latest_frame_into(self._scale_in)
        if taken is None:
            return False            # none, or torn while it was read: the spare picture is not shown
        if self._into_spare:
            self._scaled, self._spare = self._spare, self._scaled
        self.shown_number = taken[0]
        self.frames_drawn += 1
        return True

    def frame_waiting(self, game) -> bool:
        """The game drew a frame the pane has not shown yet (cheap: a number in shared memory)."""
        return game is not None and game.latest_number() != self.shown_number

    def _scale_in(self, pixels, width: int, height: int) -> None:
        """Scale a frame from the game's shared memory (pixels, B G R x) straight into the spare picture:
        the fast scaler while it moves, crisp pixels scaling up, one blit when it fits."""
        from kidcoder.runner.frames import PIXEL_FORMAT     # lazy: with the first game

        source = pygame.image.frombuffer(pixels, (width, height), PIXEL_FORMAT)
        source.set_alpha(None)          # the fourth byte is not transparency
        if (width, height) != self.game_size:
            self._save()                # the picture moves: it no longer lives in the window
            self.game_size = (width, height)
            self._shown, self._scale = shown_place(self.area, self.game_size)
        if self._on_screen is not None and not self._on_screen.get_rect().contains(self._shown):
            self._save()                # the window shrank under the picture
        self._into_spare = self._on_screen is None
        if self._into_spare:
            target = self._spare = self._picture_surface(self._spare)
        else:
            target = self._on_screen.subsurface(self._shown)
        if target.get_size() == (width, height):
            target.blit(source, (0, 0))
        else:
            pygame.transform.scale(source, target.get_size(), target)
        self._rough_at = time.perf_counter() if self._scale < SMOOTH_UP_TO else None

    def _picture_surface(self, surface: Optional[pygame.Surface]) -> pygame.Surface:
        """surface if it has the shown picture's size, else a new one of that size (32-bit, B G R x)."""
        from kidcoder.runner.frames import XRGB_MASKS

        size = (self._shown.w, self._shown.h)
        if surface is None or surface.get_size() != size:
            surface = pygame.Surface(size, 0, 32, masks=XRGB_MASKS)
        return surface

    def _copy_latest(self) -> None:
        """The game's newest frame (the one shown, or one newer) into _last_frame at its own size, when it
        holds an older one and the game is still there (to smooth a picture that stays, for a new pane size,
        for the thumbnail)."""
        if self._source is None or self._copied >= self.shown_number:
            return
        try:
            taken = self._source.latest_frame_into(self._take)
        except (ValueError, BufferError):       # its buffer was being freed (a stopped game ends in the background)
            taken = None
        if taken is not None:
            self._copied = taken[0]

    def _take(self, pixels, width: int, height: int) -> None:
        """Copy a frame from the game's shared memory (pixels, B G R x) into the newest frame: one blit."""
        from kidcoder.runner.frames import PIXEL_FORMAT, XRGB_MASKS     # lazy: with the first game

        if self._last_frame is None or self._last_frame.get_size() != (width, height):
            self._last_frame = pygame.Surface((width, height), 0, 32, masks=XRGB_MASKS)
        source = pygame.image.frombuffer(pixels, (width, height), PIXEL_FORMAT)
        source.set_alpha(None)          # the fourth byte is not transparency
        self._last_frame.blit(source, (0, 0))

    def _rescale(self) -> None:
        """The picture again from the frame at the game's size (a new pane size, or a picture that stays):
        smoothly scaling down, crisp pixels scaling up."""
        self._save()
        self._rough_at = None
        self._copy_latest()
        frame = self._last_frame
        if frame is None or self._copied < self.shown_number or frame.get_size() != self.game_size:
            frame = self._scaled            # the game is gone and the frame shown was never copied: scale that
        if frame is None:
            return
        self._shown, self._scale = shown_place(self.area, self.game_size)
        self._scaled = self._picture_surface(None if frame is self._scaled else self._scaled)
        if self._scaled.get_size() == frame.get_size():
            self._scaled.blit(frame, (0, 0))
        elif self._scale <= SMOOTH_UP_TO:
            pygame.transform.smoothscale(frame, self._scaled.get_size(), self._scaled)
        else:
            pygame.transform.scale(frame, self._scaled.get_size(), self._scaled)

    # ---- input ----------------------------------------------------------------------------
    def over_picture(self, pos) -> bool:
        return self._scaled is not None and self._shown.contains(pos)

    def to_game_message(self, event):
        """The event as a protocol message for the game (mouse in game pixels), or None."""
        # The runner's modules load with the first game, not when the window opens.
        from kidcoder.runner.window_input import HeldKeys, event_to_message

        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            if not self.over_picture(event.pos) or not self.game_size[0]:
                return None
            scale = (self._shown.w / self.game_size[0], self._shown.h / self.game_size[1])
            return event_to_message(event, scale, (self._shown.x, self._shown.y))
        if self._held is None:
            self._held = HeldKeys()
        self._held.note(event)
        return event_to_message(event)

    def release_keys(self):
        """KEYUP messages for keys still held when the game loses the keyboard (no stuck arrows)."""
        return self._held.release() if self._held is not None else []

    # ---- drawing --------------------------------------------------------------------------
    def title_text(self, short: bool = False) -> str:
        """Caption, then how it runs: "Game: Catch · 60 fps" (short: "Catch · 60 fps" for narrow panes)."""
        if self.caption:
            title = self.caption if short else tr("ui.preview.title_caption", caption=self.caption)
        else:
            title = tr("ui.preview.title")
        if self.state == GameState.PAUSED:
            return f"{title} · {tr('ui.preview.paused')}"
        if self.state == GameState.RUNNING and self.fps > 0:
            return f"{title} · {tr('ui.preview.fps', fps=round(self.fps))}"
        return title

    def looks(self) -> tuple:
        return (self.focused, self.box, self.state, self.title_right, self._shown, self._scaled is None,
                self._rough_at is None)

    def changed_parts(self, words_changed: bool):
        """Only the title's words changed since the pane was last drawn whole (the game's fps, 2-3 times a
        second): the title strip, not the pane with its picture (at 12.5% of a core, a slow frame)."""
        return [pygame.Rect(self.box.title())] if self._drawn == self._below_title() else None

    def _below_title(self) -> tuple:
        return self.looks(), tuple(self._overlay_lines()), self.hint_text()

    def draw(self, surface) -> None:
        if surface.get_clip().contains(self.rect):
            self._drawn = self._below_title()       # what the pane shows under its title (changed_parts)
        col = self.colours
        text = self.title_text()
        room = (self.title_right or self.box.right) - self.box.x - 24
        if self.fonts.title.size(text)[0] > room:
            text = self.title_text(short=True)
        draw_title(surface, self.box.title(), text, self.fonts, col, active=self.focused,
                   text_right=self.title_right)
        body = pygame.Rect(self.box.below_title())
        pygame.draw.rect(surface, col["preview_bg"], body)
        if self._scaled is not None:
            self.draw_picture(surface)
        lines = self._overlay_lines()
        if lines:
            self._draw_overlay(surface, pygame.Rect(self.area), lines)
        self._draw_hint(surface)

    def picture_only(self) -> Optional[pygame.Rect]:
        """Where a new frame goes when it is all that changed (nothing drawn over it), else None."""
        if self._scaled is None or self._overlay_lines():
            return None
        return pygame.Rect(self._shown)

    def draw_picture(self, surface) -> pygame.Rect:
        """Only the newest frame, into its place (the window sends just that rectangle to the screen)."""
        place = pygame.Rect(self._shown)
        if surface is not self._on_screen:
            surface.blit(self._on_screen.subsurface(place) if self._on_screen is not None else self._scaled, place)
        return place

    def show_picture(self, surface) -> pygame.Rect:
        """The newest frame alone into its place in the window, with nothing drawn over it (redraw.PICTURE):
        the next frames are scaled straight into the window, not into a picture then copied there (a
        quarter of the window's work for each frame of a small game), until keep()."""
        place = self.draw_picture(surface)
        self._on_screen = surface
        return place

    def keep(self, surface, part: Optional[pygame.Rect] = None):
        """surface is about to be drawn over in part (None: all of it): a picture that lives there is kept
        first (copied into _scaled, which is drawn from then on). Returns surface."""
        if self._on_screen is not None and (part is None or part.colliderect(self._shown)):
            self._save()
        return surface

    def _save(self) -> None:
        """The picture that lives in the window, copied into _scaled; it lives there from now on."""
        window, self._on_screen = self._on_screen, None
        place = pygame.Rect(self._shown)
        if window is not None and self._scaled is not None and self._scaled.get_size() == place.size:
            self._scaled.blit(window, (0, 0), place)

    def _overlay_lines(self):
        """Words over the picture: only when no game is playing in it."""
        if self.message:
            return [self.message]
        if self._scaled is None:
            if self.state == GameState.RUNNING:
                return [tr("ui.preview.starting")]
            return [tr("ui.preview.empty"), tr("ui.preview.empty_keys")]
        return []

    def hint_text(self, short: bool = False) -> str:
        """How to play, under the picture (short: the same in fewer words, for a narrow pane)."""
        if self.state in (GameState.RUNNING, GameState.PAUSED) and self._scaled is not None:
            key = "ui.preview.esc_back" if self.focused else "ui.preview.click_to_play"
            return tr(key + "_short" if short else key)
        return ""

    def shown_text(self):
        words = [self.title_text()] + list(self._overlay_lines())
        return words + ([self.hint_text()] if self.hint_text() else [])

    def _draw_hint(self, surface) -> None:
        box = pygame.Rect(self.hint_box())
        text = self.hint_text()
        if text and self.fonts.title.size(text)[0] > box.w - 12:
            text = self.hint_text(short=True)
        if not text or not box.h:
            return
        colour = self.colours["focus"] if self.focused else self.colours["preview_text"]
        label = self.fonts.text(self.fonts.title, text, colour)
        clip = surface.get_clip()
        surface.set_clip(box.clip(clip))
        surface.blit(label, (box.centerx - label.get_width() // 2, box.centery - label.get_height() // 2))
        surface.set_clip(clip)

    def _draw_overlay(self, surface, body: pygame.Rect, lines) -> None:
        col = self.colours
        rendered = []
        for text in lines:
            rendered.extend(self.fonts.text(self.fonts.body, part, col["preview_text"])
                            for part in wrap_text(text, self.fonts.body, body.width - 40))
        height = sum(r.get_height() for r in rendered) + 12
        y = body.centery - height // 2
        band = pygame.Rect(body.x + 8, y, body.width - 16, height)
        shade = pygame.Surface(band.size, pygame.SRCALPHA)
        shade.fill((0, 0, 0, 170))
        surface.blit(shade, band.topleft)
        y += 6
        for r in rendered:
            surface.blit(r, (body.centerx - r.get_width() // 2, y))
            y += r.get_height()

