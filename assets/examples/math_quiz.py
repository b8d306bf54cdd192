# Math quiz: type the answer with the number keys, then press ENTER.
import random
import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
pygame.display.set_caption("Math quiz")
clock = pygame.time.Clock()
big_font = pygame.font.Font(None, 72)
font = pygame.font.Font(None, 36)

a = random.randint(1, 10)
b = random.randint(1, 10)
typed = ""       # the digits typed so far
score = 0
asked = 0
message = "Type your answer!"

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN:
            # A number key adds a digit (at most 3 digits)
            if event.unicode.isdigit() and len(typed) < 3:
                typed = typed + event.unicode
            # R starts again from 0 points
            if event.key == pygame.K_r:
                score = 0
                asked = 0
                typed = ""
                message = "Type your answer!"
            # BACKSPACE rubs out the last digit
            if event.key == pygame.K_BACKSPACE:
                typed = typed[:-1]
            # ENTER checks the answer
            if event.key == pygame.K_RETURN and typed != "":
                asked = asked + 1
                if int(typed) == a + b:
                    score = score + 1
                    message = "Well done!"
                else:
                    message = "Not quite: " + str(a) + " + " + str(b) + " = " + str(a + b)
                # A new question
                a = random.randint(1, 10)
                b = random.randint(1, 10)
                typed = ""

    screen.fill((250, 240, 200))
    question = big_font.render(str(a) + " + " + str(b) + " = " + typed, True, (40, 40, 120))
    screen.blit(question, (150, 150))
    screen.blit(font.render(message, True, (120, 40, 40)), (150, 240))
    text = font.render("Score: " + str(score) + " / " + str(asked), True, (0, 0, 0))
    screen.blit(text, (10, 10))

    pygame.display.flip()
    clock.tick(60)

pygame.quit()
