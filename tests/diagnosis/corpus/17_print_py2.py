name = "Sam"
print "Hello", name
