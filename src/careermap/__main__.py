"""``python -m careermap`` runs the command line."""

from careermap.cli import entrypoint

entrypoint()
