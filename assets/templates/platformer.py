# Platform jumper: walk with the arrow keys, jump with SPACE and collect everything.
import math
import pygame

# ---- SETTINGS: change these values to make the game your own! ----
TITLE = "Platform jumper"
PLAYER_NAME = "me"
PLAYER_PICTURE = "images/smiley.png"  # a picture file, or "" to draw the shape instead
PLAYER_SHAPE = "square"  # circle, square, triangle, diamond, star or oval
PLAYER_COLOUR = (220, 60, 60)  # (red, green, blue), each from 0 to 255
THING_NAME = "star"
THING_PICTURE = "images/star.png"  # a picture file, or "" to draw the shape instead
THING_SHAPE = "star"  # the things to collect: circle, square, triangle, diamond, star or oval
THING_COLOUR = (255, 230, 0)  # (red, green, blue), each from 0 to 255
PLATFORM_COLOUR = (60, 160, 60)  # (red, green, blue), each from 0 to 255
BACKGROUND = (100, 180, 255)  # the colour of the sky
BACKGROUND_PICTURE = ""  # a picture drawn a few times behind everything, or "" for none
SPEED = 5  # how fast you walk
JUMP = 11  # how high you jump
GRAVITY = 0.5  # how hard you fall back down
SCORE_TEXT = "Score"
WIN_TEXT = "You got them all!"
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
player_picture = load_picture(PLAYER_PICTURE, 36)
thing_picture = load_picture(THING_PICTURE, 24)
background_picture = load_picture(BACKGROUND_PICTURE, 64)
if background_picture:
    background_picture.set_alpha(100)  # a little see-through, so it stays in the background

player = pygame.Rect(40, 300, 36, 36)
fall_speed = 0  # how fast we go up (less than 0) or down (more than 0)
on_ground = False
platforms = [pygame.Rect(0, 380, 600, 20), pygame.Rect(90, 300, 130, 15), pygame.Rect(270, 230, 120, 15),
             pygame.Rect(440, 160, 130, 15), pygame.Rect(200, 110, 110, 15)]
things = [pygame.Rect(p.centerx - 12, p.top - 34, 24, 24) for p in platforms[1:]]
score = 0

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_SPACE, pygame.K_UP) and on_ground:
            fall_speed = -JUMP  # jump! (only when standing on something)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r:  # R: start again
            player.topleft = (40, 300)
            fall_speed = 0
            things = [pygame.Rect(p.centerx - 12, p.top - 34, 24, 24) for p in platforms[1:]]
            score = 0

    keys = pygame.key.get_pressed()
    if keys[pygame.K_LEFT] and player.left > 0:
        player.x -= SPEED
    if keys[pygame.K_RIGHT] and player.right < 600:
        player.x += SPEED

    # Gravity pulls you down a little more every frame
    fall_speed += GRAVITY
    player.y += int(fall_speed)
    on_ground = False
    for platform in platforms:
        if player.colliderect(platform) and fall_speed > 0:  # land on top of it
            player.bottom = platform.top
            fall_speed = 0
            on_ground = True

    for thing in things[:]:
        if player.colliderect(thing):
            things.remove(thing)
            score += 1
            if not things:  # the game has just ended: say so in the console too
                print(WIN_TEXT, SCORE_TEXT + ":", score)

    screen.fill(BACKGROUND)
    if background_picture:  # the same picture in a few places, behind everything
        for spot in [(30, 240), (150, 60), (290, 200), (430, 90), (520, 260)]:
            screen.blit(background_picture, spot)
    for platform in platforms:
        pygame.draw.rect(screen, PLATFORM_COLOUR, platform)
    for thing in things:
        draw_shape(screen, THING_SHAPE, THING_COLOUR, thing, thing_picture)
    draw_shape(screen, PLAYER_SHAPE, PLAYER_COLOUR, player, player_picture)
    screen.blit(small_font.render(PLAYER_NAME, True, (0, 0, 0)), (player.x, player.y - 16))
    screen.blit(font.render(SCORE_TEXT + ": " + str(score), True, (0, 0, 0)), (10, 10))
    if not things:
        pygame.draw.rect(screen, (0, 0, 0), (80, 15, 440, 100), border_radius=12)  # a dark box: easy to read
        end_text = font.render(WIN_TEXT, True, (255, 255, 100))
        screen.blit(end_text, end_text.get_rect(center=(300, 50)))
        restart_text = font.render(RESTART_TEXT, True, (255, 255, 255))
        screen.blit(restart_text, restart_text.get_rect(center=(300, 80)))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
