# Catch game: move left and right and catch the falling things.
import math
import random
import pygame

# ---- SETTINGS: change these values to make the game your own! ----
TITLE = "Catch the stars"
PLAYER_NAME = "basket"
PLAYER_PICTURE = "images/basket.png"  # a picture file, or "" to draw the shape instead
PLAYER_SHAPE = "square"  # circle, square, triangle, diamond, star or oval
PLAYER_COLOUR = (200, 120, 40)  # (red, green, blue), each from 0 to 255
THING_NAME = "star"
THING_PICTURE = "images/star.png"  # a picture file, or "" to draw the shape instead
THING_SHAPE = "star"  # circle, square, triangle, diamond, star or oval
THING_COLOUR = (255, 220, 0)  # (red, green, blue), each from 0 to 255
BACKGROUND = (20, 30, 70)  # the colour of the sky
BACKGROUND_PICTURE = ""  # a picture drawn a few times behind everything, or "" for none
SPEED = 6  # how fast the player moves
FALL_SPEED = 2  # how fast things fall
COUNT = 3  # the most things that fall at the same time
LIVES = 5  # how many things you can miss
WIN_SCORE = 20  # catch this many to win
CONTROLS = "arrows"  # "arrows" or "wasd"
SCORE_TEXT = "Score"
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
player_picture = load_picture(PLAYER_PICTURE, 60)
thing_picture = load_picture(THING_PICTURE, 36)
background_picture = load_picture(BACKGROUND_PICTURE, 64)
if background_picture:
    background_picture.set_alpha(100)  # a little see-through, so it stays in the background

LEFT = pygame.K_a if CONTROLS == "wasd" else pygame.K_LEFT
RIGHT = pygame.K_d if CONTROLS == "wasd" else pygame.K_RIGHT


def new_thing():
    """A new falling thing: a rectangle just above the window, somewhere along the top."""
    return pygame.Rect(random.randint(0, 564), -40, 36, 36)


player = pygame.Rect(270, 330, 60, 60)
things = [new_thing()]  # one thing falls at first; more join as you catch them
score = 0
lives = LIVES

running = True
while running:
    game_over = lives <= 0 or score >= WIN_SCORE
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r and game_over:  # R: play again
            things = [new_thing()]
            score = 0
            lives = LIVES

    if not game_over:
        keys = pygame.key.get_pressed()
        if keys[LEFT] and player.left > 0:
            player.x -= SPEED
        if keys[RIGHT] and player.right < 600:
            player.x += SPEED
        for thing in things:
            thing.y += FALL_SPEED
            if thing.colliderect(player):  # caught it!
                score += 1
                thing.topleft = new_thing().topleft
                if score % 5 == 0 and len(things) < COUNT:
                    things.append(new_thing())  # every 5 catches, one more thing falls
            elif thing.top > 400:  # missed it
                lives -= 1
                thing.topleft = new_thing().topleft
        if lives <= 0 or score >= WIN_SCORE:  # the game has just ended: say so in the console too
            print(LOSE_TEXT if lives <= 0 else WIN_TEXT, SCORE_TEXT + ":", score)

    screen.fill(BACKGROUND)
    if background_picture:  # the same picture in a few places, behind everything
        for spot in [(30, 240), (150, 60), (290, 200), (430, 90), (520, 260)]:
            screen.blit(background_picture, spot)
    draw_shape(screen, PLAYER_SHAPE, PLAYER_COLOUR, player, player_picture)
    screen.blit(small_font.render(PLAYER_NAME, True, (255, 255, 255)), (player.x, player.y - 16))
    for thing in things:
        draw_shape(screen, THING_SHAPE, THING_COLOUR, thing, thing_picture)
    text = SCORE_TEXT + ": " + str(score) + "   " + LIVES_TEXT + ": " + str(lives)
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
