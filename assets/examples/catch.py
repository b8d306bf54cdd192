# Catch: move the basket with the arrow keys and catch the falling apples.
import random
import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("Catch")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 36)

# Pictures and sounds are loaded once, before the game loop
basket_picture = pygame.image.load("images/basket.png").convert_alpha()
basket_picture = pygame.transform.scale(basket_picture, (80, 80))
apple_picture = pygame.image.load("images/apple.png").convert_alpha()
apple_picture = pygame.transform.scale(apple_picture, (40, 40))
coin_sound = pygame.mixer.Sound("sounds/coin.wav")
lose_sound = pygame.mixer.Sound("sounds/lose.wav")

basket = pygame.Rect(260, 310, 80, 80)
apple = pygame.Rect(random.randint(0, 560), -40, 40, 40)
fall_speed = 2  # the apples start slow and get faster as you catch them
score = 0
lives = 5

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        # After the game is over, R starts a new game
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r and lives == 0:
            score = 0
            lives = 5
            fall_speed = 2
            apple.topleft = (random.randint(0, 560), -40)

    if lives > 0:
        # Move the basket left and right
        keys = pygame.key.get_pressed()
        if keys[pygame.K_LEFT] and basket.left > 0:
            basket.x = basket.x - 7
        if keys[pygame.K_RIGHT] and basket.right < 600:
            basket.x = basket.x + 7

        # The apple falls down
        apple.y = apple.y + fall_speed

        # Did the basket catch the apple?
        if basket.colliderect(apple):
            score = score + 1
            coin_sound.play()
            apple.topleft = (random.randint(0, 560), -40)
            if score % 5 == 0:
                fall_speed = fall_speed + 1  # every 5 apples, a bit faster
        # Did the apple hit the ground?
        if apple.top > 400:
            lives = lives - 1
            apple.topleft = (random.randint(0, 560), -40)
            if lives == 0:
                lose_sound.play()
                print("Game over! Score: " + str(score))

    screen.fill((135, 206, 235))
    screen.blit(basket_picture, basket)
    screen.blit(apple_picture, apple)
    text = font.render("Score: " + str(score) + "   Lives: " + str(lives), True, (0, 0, 0))
    screen.blit(text, (10, 10))
    if lives == 0:
        screen.blit(font.render("Game over!", True, (0, 0, 0)), (240, 160))
        screen.blit(font.render("Press R to play again", True, (0, 0, 0)), (170, 200))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
