# Maze: walk with the arrow keys, pick up the treasure, then find the exit.
import math
import pygame

# ---- SETTINGS: change these values to make the game your own! ----
TITLE = "Maze"
PLAYER_NAME = "me"
PLAYER_PICTURE = "images/smiley.png"  # a picture file, or "" to draw the shape instead
PLAYER_SHAPE = "circle"  # circle, square, triangle, diamond, star or oval
PLAYER_COLOUR = (60, 140, 255)  # (red, green, blue), each from 0 to 255
THING_NAME = "treasure"
THING_PICTURE = "images/treasure.png"  # a picture file, or "" to draw the shape instead
THING_SHAPE = "diamond"  # circle, square, triangle, diamond, star or oval
THING_COLOUR = (255, 215, 0)  # (red, green, blue), each from 0 to 255
WALL_COLOUR = (120, 120, 140)  # (red, green, blue), each from 0 to 255
BACKGROUND = (20, 20, 20)  # the colour of the floor
SCORE_TEXT = "Treasure"
WIN_TEXT = "You escaped!"
RESTART_TEXT = "Press R to play again"
# The map: # is a wall, . is floor, T is treasure, E is the exit. Draw your own!
MAZE = [
    "###############",
    "#....#......T.#",
    "#.##.#.#####.##",
    "#.#T.#.#...#..#",
    "#.#.##.#.#.##.#",
    "#.#....#.#T...#",
    "#.######.####.#",
    "#T.......#...E#",
    "###############",
]
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
player_picture = load_picture(PLAYER_PICTURE, 28)
thing_picture = load_picture(THING_PICTURE, 24)

CELL = 40
col, row = 1, 1  # where the player is on the map
treasure = [(c, r) for r in range(len(MAZE)) for c in range(len(MAZE[r])) if MAZE[r][c] == "T"]
found = 0
won = False

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and not won:
            new_col, new_row = col, row
            if event.key == pygame.K_LEFT:
                new_col -= 1
            if event.key == pygame.K_RIGHT:
                new_col += 1
            if event.key == pygame.K_UP:
                new_row -= 1
            if event.key == pygame.K_DOWN:
                new_row += 1
            if MAZE[new_row][new_col] != "#":  # walls stop you
                col, row = new_col, new_row
            if (col, row) in treasure:
                treasure.remove((col, row))
                found += 1
            if MAZE[row][col] == "E":
                won = True
                print(WIN_TEXT, SCORE_TEXT + ":", found)  # say so in the console too
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r:  # R: start the maze again
            col, row = 1, 1
            treasure = [(c, r) for r in range(len(MAZE)) for c in range(len(MAZE[r])) if MAZE[r][c] == "T"]
            found = 0
            won = False

    screen.fill(BACKGROUND)
    for r in range(len(MAZE)):
        for c in range(len(MAZE[r])):
            if MAZE[r][c] == "#":
                pygame.draw.rect(screen, WALL_COLOUR, (c * CELL, r * CELL, CELL, CELL))
            if MAZE[r][c] == "E":
                pygame.draw.rect(screen, (0, 200, 0), (c * CELL, r * CELL, CELL, CELL))
    for c, r in treasure:
        draw_shape(screen, THING_SHAPE, THING_COLOUR, (c * CELL + 8, r * CELL + 8, 24, 24), thing_picture)
    draw_shape(screen, PLAYER_SHAPE, PLAYER_COLOUR, (col * CELL + 6, row * CELL + 6, 28, 28), player_picture)
    screen.blit(font.render(SCORE_TEXT + ": " + str(found), True, (255, 255, 255)), (10, 368))
    if won:
        pygame.draw.rect(screen, (0, 0, 0), (100, 130, 400, 110))
        end_text = font.render(WIN_TEXT, True, (255, 255, 100))
        screen.blit(end_text, end_text.get_rect(center=(300, 165)))
        restart_text = font.render(RESTART_TEXT, True, (255, 255, 255))
        screen.blit(restart_text, restart_text.get_rect(center=(300, 205)))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
