"""KidCoder: an offline studio where children write pygame games and play them beside their code."""

__version__ = "0.1.0"
