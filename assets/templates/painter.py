# Painter: hold the mouse button to stamp shapes. Keys 1 to 5 change the colour, C clears the paper.
import math
import pygame

# ---- SETTINGS: change these values to make the game your own! ----
TITLE = "Painter"
THING_NAME = "brush"
THING_SHAPE = "circle"  # the stamp: circle, square, triangle, diamond, star or oval
THING_COLOUR = (0, 0, 0)  # the first colour (red, green, blue)
PAPER_COLOUR = (255, 255, 255)  # (red, green, blue), each from 0 to 255
SIZE = 16  # how big the stamp is
SCORE_TEXT = "Stamps"
# More colours for the keys 2, 3, 4 and 5
COLOURS = [(230, 30, 30), (30, 160, 30), (30, 60, 230), (250, 200, 0)]
# ---- END OF SETTINGS ----

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption(TITLE)
clock = pygame.time.Clock()
font = pygame.font.Font(None, 28)


def draw_shape(surface, shape, colour, rect):
    """Draw one thing on the surface: a circle, square, triangle, diamond, star or oval."""
    x, y, w, h = rect
    if shape == "circle":
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


palette = [THING_COLOUR] + COLOURS
colour = THING_COLOUR
size = SIZE
stamps = 0
# The paper keeps every stamp. We draw on it, then show it on the screen.
paper = pygame.Surface((600, 400))
paper.fill(PAPER_COLOUR)

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN:
            if pygame.K_1 <= event.key < pygame.K_1 + len(palette):
                colour = palette[event.key - pygame.K_1]
            if event.key == pygame.K_c:
                paper.fill(PAPER_COLOUR)
                stamps = 0
            if event.key == pygame.K_r:  # R: start again with clean paper, the first colour and size
                paper.fill(PAPER_COLOUR)
                stamps = 0
                colour = THING_COLOUR
                size = SIZE
            if event.key == pygame.K_UP:
                size = min(80, size + 4)
            if event.key == pygame.K_DOWN:
                size = max(4, size - 4)

    if pygame.mouse.get_pressed()[0]:  # the left button is held down
        x, y = pygame.mouse.get_pos()
        draw_shape(paper, THING_SHAPE, colour, (x - size // 2, y - size // 2, size, size))
        stamps += 1

    screen.blit(paper, (0, 0))
    for i in range(len(palette)):  # the colour boxes at the bottom
        pygame.draw.rect(screen, palette[i], (10 + i * 36, 362, 30, 30))
        screen.blit(font.render(str(i + 1), True, (128, 128, 128)), (20 + i * 36, 340))
    draw_shape(screen, THING_SHAPE, colour, (200, 376 - size // 2, size, size))
    screen.blit(font.render(SCORE_TEXT + ": " + str(stamps), True, (128, 128, 128)), (460, 10))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
