# Snake: steer with the arrow keys, eat the red food and grow longer.
import random
import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("Snake")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 36)

CELL = 20  # the size of one square of the grid
snake = [(10, 10), (9, 10), (8, 10)]  # grid squares; the first one is the head
direction = (1, 0)  # moving right
food = (20, 12)
score = 0
timer = 0
alive = True

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        # Arrow keys change the direction (but never straight back)
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_LEFT and direction != (1, 0):
                direction = (-1, 0)
            if event.key == pygame.K_RIGHT and direction != (-1, 0):
                direction = (1, 0)
            if event.key == pygame.K_UP and direction != (0, 1):
                direction = (0, -1)
            if event.key == pygame.K_DOWN and direction != (0, -1):
                direction = (0, 1)
            # After the game is over, R starts a new game
            if event.key == pygame.K_r and not alive:
                snake = [(10, 10), (9, 10), (8, 10)]
                direction = (1, 0)
                score = 0
                alive = True

    # The snake moves one square every 8 frames
    timer = timer + 1
    if alive and timer % 8 == 0:
        head = (snake[0][0] + direction[0], snake[0][1] + direction[1])
        # Going off the edge comes back on the other side
        head = (head[0] % 30, head[1] % 20)
        if head in snake:
            alive = False  # the snake bit itself!
            print("Game over! Score: " + str(score))
        else:
            snake.insert(0, head)
            if head == food:
                score = score + 1
                food = (random.randint(0, 29), random.randint(0, 19))
            else:
                snake.pop()  # no food: the tail moves too

    screen.fill((0, 60, 0))
    pygame.draw.rect(screen, (255, 0, 0), (food[0] * CELL, food[1] * CELL, CELL, CELL))
    for part in snake:
        pygame.draw.rect(screen, (120, 255, 120), (part[0] * CELL, part[1] * CELL, CELL - 1, CELL - 1))
    text = font.render("Score: " + str(score), True, (255, 255, 255))
    screen.blit(text, (10, 10))
    if not alive:
        screen.blit(font.render("Game over!", True, (255, 255, 0)), (240, 160))
        screen.blit(font.render("Press R to play again", True, (255, 255, 255)), (170, 200))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
