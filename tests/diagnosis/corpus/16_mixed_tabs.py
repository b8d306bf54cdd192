n = 3
if n > 1:
	print('big')
        print('really big')
