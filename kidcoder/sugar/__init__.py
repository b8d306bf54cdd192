"""KidCoder in Sugar (the XO laptop's desktop): the activity launcher, the Journal, Pippy programs,
and games shared as activity bundles (.xo).

Only activity.py and journal.py touch Sugar itself, and they import sugar3 lazily:
outside Sugar nothing here changes how KidCoder works.
"""
