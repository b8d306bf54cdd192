# Snake: steer with the arrow keys, eat the food and grow longer. Don't bite yourself!
import math
import random
import pygame

# ---- SETTINGS: change these values to make the game your own! ----
TITLE = "Snake"
PLAYER_NAME = "snake"
PLAYER_PICTURE = "images/snake.png"  # a picture file, or "" to draw the shape instead
PLAYER_SHAPE = "square"  # the snake's body: circle, square, triangle, diamond, star or oval
PLAYER_COLOUR = (120, 255, 120)  # (red, green, blue), each from 0 to 255
THING_NAME = "apple"
THING_PICTURE = "images/apple.png"  # a picture file, or "" to draw the shape instead
THING_SHAPE = "circle"  # the food: circle, square, triangle, diamond, star or oval
THING_COLOUR = (255, 40, 40)  # (red, green, blue), each from 0 to 255
BACKGROUND = (0, 60, 0)  # the colour of the grass
SPEED = 6  # how fast the snake moves (1 to 15)
COUNT = 1  # how many pieces of food there are
WIN_SCORE = 20  # eat this many to win
SCORE_TEXT = "Score"
WIN_TEXT = "You win!"
LOSE_TEXT = "Game over!"
RESTART_TEXT = "Press R to play again"
# ---- END OF SETTINGS ----

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption(TITLE)
clock = pygame.time.Clock()
font = pygame.font.Font(None, 32)


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
player_picture = load_picture(PLAYER_PICTURE, 20)
thing_picture = load_picture(THING_PICTURE, 20)

CELL = 20  # the grid has 30 x 20 squares of 20 pixels
snake = [(10, 10), (9, 10), (8, 10)]  # the first square is the head
direction = (1, 0)
food = [(random.randint(0, 29), random.randint(2, 19)) for i in range(COUNT)]
score = 0
alive = True
timer = 0
wait = max(1, 16 - SPEED)  # frames between two steps: faster snakes wait less

running = True
while running:
    game_over = not alive or score >= WIN_SCORE
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r and game_over:  # R: play again
            snake = [(10, 10), (9, 10), (8, 10)]
            direction = (1, 0)
            score = 0
            alive = True
        if event.type == pygame.KEYDOWN:  # turn, but never straight back
            if event.key == pygame.K_LEFT and direction != (1, 0):
                direction = (-1, 0)
            if event.key == pygame.K_RIGHT and direction != (-1, 0):
                direction = (1, 0)
            if event.key == pygame.K_UP and direction != (0, 1):
                direction = (0, -1)
            if event.key == pygame.K_DOWN and direction != (0, -1):
                direction = (0, 1)

    timer += 1
    if not game_over and timer % wait == 0:
        # The new head is one square further; off the edge comes back on the other side
        head = ((snake[0][0] + direction[0]) % 30, (snake[0][1] + direction[1]) % 20)
        if head in snake:
            alive = False  # the snake bit itself!
        else:
            snake.insert(0, head)
            if head in food:
                score += 1
                food.remove(head)
                food.append((random.randint(0, 29), random.randint(2, 19)))
            else:
                snake.pop()  # no food: the tail moves along too
        if not alive or score >= WIN_SCORE:  # the game has just ended: say so in the console too
            print(LOSE_TEXT if not alive else WIN_TEXT, SCORE_TEXT + ":", score)

    screen.fill(BACKGROUND)
    for spot in food:
        draw_shape(screen, THING_SHAPE, THING_COLOUR, (spot[0] * CELL, spot[1] * CELL, CELL, CELL), thing_picture)
    for part in snake[1:]:
        draw_shape(screen, PLAYER_SHAPE, PLAYER_COLOUR, (part[0] * CELL, part[1] * CELL, CELL - 1, CELL - 1))
    draw_shape(screen, PLAYER_SHAPE, PLAYER_COLOUR, (snake[0][0] * CELL, snake[0][1] * CELL, CELL, CELL), player_picture)
    screen.blit(font.render(SCORE_TEXT + ": " + str(score), True, (255, 255, 255)), (10, 10))
    if game_over:
        pygame.draw.rect(screen, (0, 0, 0), (80, 145, 440, 100), border_radius=12)  # a dark box: easy to read
        end_text = font.render(LOSE_TEXT if not alive else WIN_TEXT, True, (255, 255, 100))
        screen.blit(end_text, end_text.get_rect(center=(300, 180)))
        restart_text = font.render(RESTART_TEXT, True, (255, 255, 255))
        screen.blit(restart_text, restart_text.get_rect(center=(300, 220)))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
