# Maze: use the arrow keys to walk the blue square to the green exit.
import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("Maze")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 36)

# The map: # is a wall, . is floor, E is the exit. Draw your own maze!
MAZE = [
    "##############",
    "#....#.......#",
    "#.##.#.#####.#",
    "#.#..#.#...#.#",
    "#.#.##.#.#.#.#",
    "#.#....#.#...#",
    "#.######.###.#",
    "#........#..E#",
    "##############",
]
CELL = 40  # each square of the map is 40 pixels wide
# The player starts at column 1, row 1
player_col = 1
player_row = 1
moves = 0
won = False

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and not won:
            # Work out where the player wants to go
            col = player_col
            row = player_row
            if event.key == pygame.K_LEFT:
                col = col - 1
            if event.key == pygame.K_RIGHT:
                col = col + 1
            if event.key == pygame.K_UP:
                row = row - 1
            if event.key == pygame.K_DOWN:
                row = row + 1
            # Only move if that square is not a wall
            if MAZE[row][col] != "#":
                player_col = col
                player_row = row
                moves = moves + 1
            if MAZE[player_row][player_col] == "E":
                won = True
                print("You found the exit! Moves: " + str(moves))
        # R puts you back at the start of the maze
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r:
            player_col = 1
            player_row = 1
            moves = 0
            won = False

    # Draw the map one square at a time: r is the row, c is the column
    screen.fill((20, 20, 20))
    for r in range(len(MAZE)):
        for c in range(len(MAZE[r])):
            if MAZE[r][c] == "#":
                pygame.draw.rect(screen, (120, 120, 140), (c * CELL, r * CELL, CELL, CELL))
            if MAZE[r][c] == "E":
                pygame.draw.rect(screen, (0, 200, 0), (c * CELL, r * CELL, CELL, CELL))
    # The player is a small blue square in the middle of its map square
    pygame.draw.rect(screen, (60, 120, 255), (player_col * CELL + 8, player_row * CELL + 8, 24, 24))
    text = font.render("Moves: " + str(moves), True, (255, 255, 255))
    screen.blit(text, (10, 365))
    if won:
        screen.blit(font.render("You found the exit!", True, (255, 255, 0)), (200, 365))
        screen.blit(font.render("Press R to play again", True, (255, 255, 255)), (170, 20))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
