"""careermap's knowledge base: GenAI roles, the skill graph, courses, projects, market facts.

>>> from careermap import knowledge
>>> kb = knowledge.load()
>>> kb.role("genai-engineer").title
'Generative AI Engineer'
"""

from careermap.knowledge.loader import DATA_DIR, KnowledgeBase, load, load_from
from careermap.knowledge.schemas import (
    LEVELS,
    SKILL_CATEGORIES,
    Course,
    Level,
    MarketFact,
    PortfolioProject,
    Role,
    Skill,
    SkillCategory,
    Source,
)

__all__ = [
    "DATA_DIR",
    "LEVELS",
    "SKILL_CATEGORIES",
    "Course",
    "KnowledgeBase",
    "Level",
    "MarketFact",
    "PortfolioProject",
    "Role",
    "Skill",
    "SkillCategory",
    "Source",
    "load",
    "load_from",
]
