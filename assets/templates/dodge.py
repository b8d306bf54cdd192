# Dodge game: move around and stay away from the falling things for as long as you can.
import math
import random
import pygame

# ---- SETTINGS: change these values to make the game your own! ----
TITLE = "Dodge the rocks"
PLAYER_NAME = "me"
PLAYER_PICTURE = "images/smiley.png"  # a picture file, or "" to draw the shape instead
PLAYER_SHAPE = "circle"  # circle, square, triangle, diamond, star or oval
PLAYER_COLOUR = (0, 200, 255)  # (red, green, blue), each from 0 to 255
THING_NAME = "rock"
THING_PICTURE = "images/rock.png"  # a picture file, or "" to draw the shape instead
THING_SHAPE = "square"  # circle, square, triangle, diamond, star or oval
THING_COLOUR = (150, 110, 80)  # (red, green, blue), each from 0 to 255
BACKGROUND = (30, 30, 40)  # the colour of the background
BACKGROUND_PICTURE = ""  # a picture drawn a few times behind everything, or "" for none
SPEED = 6  # how fast the player moves
FALL_SPEED = 4  # how fast things fall
COUNT = 5  # how many things fall at the same time
LIVES = 5  # how many times you can be hit
WIN_SCORE = 45  # stay alive this many seconds to win
CONTROLS = "arrows"  # "arrows" or "wasd"
SCORE_TEXT = "Time"
LIVES_TEXT = "Lives"
WIN_TEXT = "You win!"
LOSE_TEXT = "Game over!"
RESTART_TEXT = "Press R to play again"
# ---- END OF SETTINGS ----

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption(TITLE)
clock = pygame.time.Clock()
font = pygame.font.Font(None, 32)
small_font = pygame.font.Font(None, 20)


def load_picture(file, size):
    """The picture in a file, made size x size pixels; None when there is no such file (then we draw a shape)."""
    try:
        picture = pygame.image.load(file).convert_alpha()
    except (FileNotFoundError, pygame.error):
        return None
    return pygame.transform.smoothscale(picture, (size, size))


def draw_shape(surface, shape, colour, rect, picture=None):
    """Draw one thing on the surface: its picture, or a circle, square, triangle, diamond, star or oval."""
    x, y, w, h = rect
    if picture:
        surface.blit(picture, picture.get_rect(center=(x + w // 2, y + h // 2)))
    elif shape == "circle":
        pygame.draw.circle(surface, colour, (x + w // 2, y + h // 2), min(w, h) // 2)
    elif shape == "oval":
        pygame.draw.ellipse(surface, colour, (x, y + h // 5, w, h - 2 * (h // 5)))  # wider than tall
    elif shape == "triangle":
        pygame.draw.polygon(surface, colour, [(x + w // 2, y), (x, y + h), (x + w, y + h)])
    elif shape == "diamond":
        pygame.draw.polygon(surface, colour, [(x + w // 2, y), (x + w, y + h // 2), (x + w // 2, y + h), (x, y + h // 2)])
    elif shape == "star":
        points = []
        for i in range(10):
            size = min(w, h) / (2 if i % 2 == 0 else 5)
            angle = math.pi * i / 5 - math.pi / 2
            points.append((x + w / 2 + size * math.cos(angle), y + h / 2 + size * math.sin(angle)))
        pygame.draw.polygon(surface, colour, points)
    else:  # a square, or a shape this game does not know
        pygame.draw.rect(surface, colour, rect)


# The pictures are loaded once, before the game loop
player_picture = load_picture(PLAYER_PICTURE, 40)
thing_picture = load_picture(THING_PICTURE, 36)
background_picture = load_picture(BACKGROUND_PICTURE, 64)
if background_picture:
    background_picture.set_alpha(100)  # a little see-through, so it stays in the background

LEFT = pygame.K_a if CONTROLS == "wasd" else pygame.K_LEFT
RIGHT = pygame.K_d if CONTROLS == "wasd" else pygame.K_RIGHT
player = pygame.Rect(280, 350, 40, 40)
things = [pygame.Rect(random.randint(0, 564), -80 * i - 120, 36, 36) for i in range(COUNT)]
frames = 0  # 60 frames make one second
lives = LIVES
safe = 3 * 60  # while safe is more than 0, you blink and nothing can hurt you

running = True
while running:
    game_over = lives <= 0 or frames >= WIN_SCORE * 60
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r and game_over:  # R: play again
            frames = 0
            lives = LIVES
            safe = 3 * 60

    if not game_over:
        frames += 1
        safe = max(0, safe - 1)
        keys = pygame.key.get_pressed()
        if keys[LEFT] and player.left > 0:
            player.x -= SPEED
        if keys[RIGHT] and player.right < 600:
            player.x += SPEED
        for thing in things:
            thing.y += FALL_SPEED
            if thing.colliderect(player) and safe == 0:  # ouch, it hit you!
                lives -= 1
                safe = 3 * 60  # 3 seconds to get away
                thing.topleft = (random.randint(0, 564), -40)
            elif thing.top > 400:  # it fell past you: a new one starts at the top
                thing.topleft = (random.randint(0, 564), -40)
        if lives <= 0 or frames >= WIN_SCORE * 60:  # the game has just ended: say so in the console too
            print(LOSE_TEXT if lives <= 0 else WIN_TEXT, SCORE_TEXT + ":", frames // 60)

    screen.fill(BACKGROUND)
    if background_picture:  # the same picture in a few places, behind everything
        for spot in [(30, 240), (150, 60), (290, 200), (430, 90), (520, 260)]:
            screen.blit(background_picture, spot)
    if safe % 20 < 10:  # blink while you are safe
        draw_shape(screen, PLAYER_SHAPE, PLAYER_COLOUR, player, player_picture)
    screen.blit(small_font.render(PLAYER_NAME, True, (255, 255, 255)), (player.x, player.y - 16))
    for thing in things:
        draw_shape(screen, THING_SHAPE, THING_COLOUR, thing, thing_picture)
    text = SCORE_TEXT + ": " + str(frames // 60) + "   " + LIVES_TEXT + ": " + str(lives)
    screen.blit(font.render(text, True, (255, 255, 255)), (10, 10))
    if game_over:
        pygame.draw.rect(screen, (0, 0, 0), (80, 145, 440, 100), border_radius=12)  # a dark box: easy to read
        end_text = font.render(LOSE_TEXT if lives <= 0 else WIN_TEXT, True, (255, 255, 100))
        screen.blit(end_text, end_text.get_rect(center=(300, 180)))
        restart_text = font.render(RESTART_TEXT, True, (255, 255, 255))
        screen.blit(restart_text, restart_text.get_rect(center=(300, 220)))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
