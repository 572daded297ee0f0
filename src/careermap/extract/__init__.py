"""Skill extraction: text or document -> skill mentions -> a profile.

>>> from careermap.extract import extract
>>> found = extract("5+ years of Python; familiar with Docker; no experience with Kubernetes")
>>> [(m.skill_id, m.level, m.years, m.negated) for m in found.mentions]  # doctest: +SKIP
[('python', None, 5.0, False), ('docker', 'foundational', None, False),
 ('kubernetes', None, None, True)]
>>> found.profile().level_of("python")  # doctest: +SKIP
'intermediate'
"""

from careermap.extract.lexical import EscoEntry, Lexicon, default_lexicon
from careermap.extract.mention import Extraction, Mention, Method, Taxonomy
from careermap.extract.pipeline import TaxonomyChoice, extract, lexical_hits
from careermap.extract.profile import build_profile

__all__ = [
    "EscoEntry",
    "Extraction",
    "Lexicon",
    "Mention",
    "Method",
    "Taxonomy",
    "TaxonomyChoice",
    "build_profile",
    "default_lexicon",
    "extract",
    "lexical_hits",
]
