# Racing: steer left and right on the road and don't crash into the others.
import math
import random
import pygame

# ---- SETTINGS: change these values to make the game your own! ----
TITLE = "Racing"
PLAYER_NAME = "car"
PLAYER_PICTURE = "images/car.png"  # a picture file, or "" to draw the shape instead
PLAYER_SHAPE = "square"  # circle, square, triangle, diamond, star or oval
PLAYER_COLOUR = (230, 30, 30)  # (red, green, blue), each from 0 to 255
THING_NAME = "truck"
THING_PICTURE = "images/truck.png"  # a picture file, or "" to draw the shape instead
THING_SHAPE = "square"  # circle, square, triangle, diamond, star or oval
THING_COLOUR = (40, 90, 230)  # (red, green, blue), each from 0 to 255
ROAD_COLOUR = (70, 70, 70)  # (red, green, blue), each from 0 to 255
BACKGROUND = (40, 150, 40)  # the grass beside the road
SPEED = 6  # how fast the road goes by
STEER = 5  # how fast you steer
COUNT = 3  # how many others are on the road
LIVES = 5  # how many crashes you can have
WIN_SCORE = 2000  # drive this far to win
CONTROLS = "arrows"  # "arrows" or "wasd"
SCORE_TEXT = "Distance"
LIVES_TEXT = "Lives"
WIN_TEXT = "You win the race!"
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
player_picture = load_picture(PLAYER_PICTURE, 44)
thing_picture = load_picture(THING_PICTURE, 44)

LEFT = pygame.K_a if CONTROLS == "wasd" else pygame.K_LEFT
RIGHT = pygame.K_d if CONTROLS == "wasd" else pygame.K_RIGHT
ROAD = pygame.Rect(150, 0, 300, 400)
car = pygame.Rect(278, 326, 44, 44)
others = [pygame.Rect(random.randint(160, 406), -150 * i - 60, 44, 44) for i in range(COUNT)]
line_y = 0  # the white lines move to show that we are driving
distance = 0
lives = LIVES
safe = 3 * 60  # while safe is more than 0, you blink and nothing can hurt you

running = True
while running:
    game_over = lives <= 0 or distance >= WIN_SCORE
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r and game_over:  # R: play again
            distance = 0
            lives = LIVES
            safe = 3 * 60

    if not game_over:
        safe = max(0, safe - 1)
        keys = pygame.key.get_pressed()
        if keys[LEFT] and car.left > ROAD.left:
            car.x -= STEER
        if keys[RIGHT] and car.right < ROAD.right:
            car.x += STEER
        distance += 1
        line_y = (line_y + SPEED) % 40
        for other in others:
            other.y += SPEED // 2 + 1  # the others are a bit slower than you
            if other.colliderect(car) and safe == 0:  # crash!
                lives -= 1
                safe = 3 * 60  # 3 seconds to get away
                other.topleft = (random.randint(160, 406), -60)
            elif other.top > 400:
                other.topleft = (random.randint(160, 406), -60)
        if lives <= 0 or distance >= WIN_SCORE:  # the game has just ended: say so in the console too
            print(LOSE_TEXT if lives <= 0 else WIN_TEXT, SCORE_TEXT + ":", distance)

    screen.fill(BACKGROUND)
    pygame.draw.rect(screen, ROAD_COLOUR, ROAD)
    for y in range(-40, 400, 40):
        pygame.draw.rect(screen, (255, 255, 255), (297, y + line_y, 6, 20))
    for other in others:
        draw_shape(screen, THING_SHAPE, THING_COLOUR, other, thing_picture)
    if safe % 20 < 10:  # blink while you are safe
        draw_shape(screen, PLAYER_SHAPE, PLAYER_COLOUR, car, player_picture)
    screen.blit(small_font.render(PLAYER_NAME, True, (255, 255, 255)), (car.x, car.bottom))
    text = SCORE_TEXT + ": " + str(distance) + "   " + LIVES_TEXT + ": " + str(lives)
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
