# Catch: move the basket with the arrow keys and catch the falling apples.
import random
import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("Catch")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 36)

basket = pygame.Rect(260, 360, 80, 20)
apple_x = random.randint(20, 580)
apple_y = 0
fall_speed = 4
score = 0
lives = 3

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False

    if lives > 0:
        # Move the basket left and right
        keys = pygame.key.get_pressed()
        if keys[pygame.K_LEFT] and basket.left > 0:
            basket.x = basket.x - 7
        if keys[pygame.K_RIGHT] and basket.right < 600:
            basket.x = basket.x + 7

        # The apple falls down
        apple_y = apple_y + fall_speed

        # Did the basket catch the apple?
        if basket.collidepoint(apple_x, apple_y):
            score = score + 1
            apple_y = 0
            apple_x = random.randint(20, 580)
        # Did the apple hit the ground?
        if apple_y > 400:
            lives = lives - 1
            apple_y = 0
            apple_x = random.randint(20, 580)

    screen.fill((135, 206, 235))
    pygame.draw.rect(screen, (139, 69, 19), basket)
    pygame.draw.circle(screen, (220, 20, 60), (apple_x, apple_y), 12)
    text = font.render("Score: " + str(score) + "   Lives: " + str(lives), True, (0, 0, 0))
    screen.blit(text, (10, 10))
    if lives == 0:
        over = font.render("Game over!", True, (0, 0, 0))
        screen.blit(over, (240, 180))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
