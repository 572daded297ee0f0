"""Import every command module so that each registers its commands on the app."""

from careermap.cli import knowledge_cmds, person_cmds, quiz_cmd
from careermap.cli import serve_cmd as serve_cmd
from careermap.cli import users_cmd as users_cmd

__all__ = ["knowledge_cmds", "person_cmds", "quiz_cmd"]
