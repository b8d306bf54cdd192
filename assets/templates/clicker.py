# Clicker: click the thing as many times as you can before the time runs out.
import math
import random
import pygame

# ---- SETTINGS: change these values to make the game your own! ----
TITLE = "Clicker"
THING_NAME = "cookie"
THING_PICTURE = "images/cookie.png"  # a picture file, or "" to draw the shape instead
THING_SHAPE = "circle"  # circle, square, triangle, diamond, star or oval
THING_COLOUR = (200, 140, 60)  # (red, green, blue), each from 0 to 255
BACKGROUND = (40, 0, 60)  # the colour of the background
SIZE = 70  # how big the thing is at the start
SPEED = 0  # how fast the thing moves around (0 means it stays still)
SECONDS = 30  # how long one game lasts
SCORE_TEXT = "Clicks"
TIME_TEXT = "Time"
LOSE_TEXT = "Time is up!"
RESTART_TEXT = "Press R to play again"
# ---- END OF SETTINGS ----

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption(TITLE)
clock = pygame.time.Clock()
font = pygame.font.Font(None, 32)
small_font = pygame.font.Font(None, 22)


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
thing_picture = load_picture(THING_PICTURE, SIZE)

target = pygame.Rect(265, 165, SIZE, SIZE)
speed_x = SPEED
speed_y = SPEED
score = 0
time_left = SECONDS * 60  # counted in frames: 60 frames make one second

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.MOUSEBUTTONDOWN and time_left > 0:
            if target.collidepoint(event.pos):  # you clicked it!
                score += 1
                size = max(20, target.width - 2)  # it gets a bit smaller each time
                target = pygame.Rect(random.randint(0, 600 - size), random.randint(50, 400 - size), size, size)
                thing_picture = load_picture(THING_PICTURE, size)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r and time_left == 0:  # R: play again
            target = pygame.Rect(265, 165, SIZE, SIZE)
            thing_picture = load_picture(THING_PICTURE, SIZE)
            score = 0
            time_left = SECONDS * 60

    if time_left > 0:
        time_left -= 1
        if time_left == 0:  # the game has just ended: say so in the console too
            print(LOSE_TEXT, SCORE_TEXT + ":", score)
        # The thing moves around and bounces off the edges
        target.x += speed_x
        target.y += speed_y
        if target.left < 0 or target.right > 600:
            speed_x = -speed_x
        if target.top < 50 or target.bottom > 400:
            speed_y = -speed_y

    screen.fill(BACKGROUND)
    if time_left > 0:
        draw_shape(screen, THING_SHAPE, THING_COLOUR, target, thing_picture)
        screen.blit(small_font.render(THING_NAME, True, (255, 255, 255)), (target.x, target.bottom))
    text = SCORE_TEXT + ": " + str(score) + "   " + TIME_TEXT + ": " + str(time_left // 60)
    screen.blit(font.render(text, True, (255, 255, 255)), (10, 10))
    if time_left == 0:
        pygame.draw.rect(screen, (0, 0, 0), (80, 145, 440, 100), border_radius=12)  # a dark box: easy to read
        end_text = font.render(LOSE_TEXT, True, (255, 255, 100))
        screen.blit(end_text, end_text.get_rect(center=(300, 180)))
        restart_text = font.render(RESTART_TEXT, True, (255, 255, 255))
        screen.blit(restart_text, restart_text.get_rect(center=(300, 220)))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
