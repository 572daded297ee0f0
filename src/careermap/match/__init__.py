"""Match a person to roles, and find the gap to the one they choose."""

from careermap.match.gap import Gap, compute_gap
from careermap.match.occupation import OccupationGuess, recognise
from careermap.match.rank import Match, MatchReport, rank_roles, recognise_occupation
from careermap.match.skills import SkillCoverage, SkillMatch, match_skills

__all__ = [
    "Gap",
    "Match",
    "MatchReport",
    "OccupationGuess",
    "SkillCoverage",
    "SkillMatch",
    "compute_gap",
    "match_skills",
    "rank_roles",
    "recognise",
    "recognise_occupation",
]
