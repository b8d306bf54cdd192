# Maths quiz game: type the answer with the number keys and press ENTER. Each right answer wins a prize!
import math
import random
import pygame

# ---- SETTINGS: change these values to make the game your own! ----
TITLE = "Maths quiz"
THING_NAME = "star"
THING_PICTURE = "images/star.png"  # a picture file, or "" to draw the shape instead
THING_SHAPE = "star"  # the prize: circle, square, triangle, diamond, star or oval
THING_COLOUR = (255, 200, 0)  # (red, green, blue), each from 0 to 255
BACKGROUND = (250, 240, 200)  # the colour of the background
OPERATION = "+"  # "+", "-" or "x"
MAX_NUMBER = 10  # the biggest number in a question
COUNT = 10  # how many questions
SCORE_TEXT = "Score"
RIGHT_TEXT = "Well done!"
WRONG_TEXT = "Not quite. It was"
WIN_TEXT = "The end!"
RESTART_TEXT = "Press R to play again"
# ---- END OF SETTINGS ----

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption(TITLE)
clock = pygame.time.Clock()
big_font = pygame.font.Font(None, 72)
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
thing_picture = load_picture(THING_PICTURE, 36)

def new_question():
    """Pick two numbers and work out the answer."""
    a = random.randint(1, MAX_NUMBER)
    b = random.randint(1, MAX_NUMBER)
    if OPERATION == "-":
        a, b = max(a, b), min(a, b)  # so the answer is never below zero
        return a, b, a - b
    if OPERATION == "x":
        return a, b, a * b
    return a, b, a + b


a, b, answer = new_question()
typed = ""  # the digits typed so far
score = 0
asked = 0
message = ""

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and asked < COUNT:
            if event.unicode.isdigit() and len(typed) < 4:
                typed += event.unicode
            if event.key == pygame.K_BACKSPACE:
                typed = typed[:-1]
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and typed != "":
                asked += 1
                if int(typed) == answer:
                    score += 1
                    message = RIGHT_TEXT
                else:
                    message = WRONG_TEXT + " " + str(answer)
                a, b, answer = new_question()
                typed = ""
                if asked == COUNT:  # the game has just ended: say so in the console too
                    print(WIN_TEXT, SCORE_TEXT + ":", score, "/", asked)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r and asked >= COUNT:  # R: play again
            score = 0
            asked = 0
            message = ""

    screen.fill(BACKGROUND)
    if asked < COUNT:
        question = str(a) + " " + OPERATION + " " + str(b) + " = " + typed
        screen.blit(big_font.render(question, True, (40, 40, 120)), (140, 140))
    else:
        end_text = big_font.render(WIN_TEXT, True, (40, 40, 120))
        screen.blit(end_text, end_text.get_rect(center=(300, 160)))
        restart_text = font.render(RESTART_TEXT, True, (40, 40, 120))
        screen.blit(restart_text, restart_text.get_rect(center=(300, 290)))
    screen.blit(font.render(message, True, (120, 40, 40)), (140, 230))
    screen.blit(font.render(SCORE_TEXT + ": " + str(score) + " / " + str(asked), True, (0, 0, 0)), (10, 10))
    for i in range(score):  # one prize for each right answer
        draw_shape(screen, THING_SHAPE, THING_COLOUR, (10 + i * 40, 340, 36, 36), thing_picture)

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
