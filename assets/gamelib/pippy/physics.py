"""Pippy's physics examples need the Box2D physics engine, which KidCoder does not have.

Importing this module stops the program with a clear message at the line of the
import; KidCoder's helper explains it in the child's language (diag.pippy_physics).
"""
raise ImportError(
    "KidCoder has no physics engine (Box2D), so Pippy's physics programs cannot run here.",
    name="pippy.physics")
