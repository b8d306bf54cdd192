print(Hello)
