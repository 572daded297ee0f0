"""Skill extraction: text or document -> skill mentions -> a profile.

>>> from careermap.extract import extract
>>> text = "5+ years of Python; familiar with Docker; no experience with Kubernetes"
>>> found = extract(text, semantic=False)  # doctest: +SKIP
>>> [(m.skill_id, m.level, m.years, m.negated) for m in found.mentions]  # doctest: +SKIP
[('python', None, 5.0, False), ('docker', 'foundational', None, False),
 ('kubernetes', None, None, True)]
>>> found.profile().level_of("python")  # doctest: +SKIP
'intermediate'

Modules: :mod:`.sentences` (sentence spans), :mod:`.lexical` (automata over every surface
form), :mod:`.ambiguity` ("R", "Go", "Spark"), :mod:`.context` (level, years, negation),
:mod:`.semantic_stage` (by meaning, optional), :mod:`.profile` (mentions -> Profile),
:mod:`.pipeline` (``extract``). The heuristics are documented in each module.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

from careermap.extract.lexical import EscoEntry, Lexicon, default_lexicon
from careermap.extract.mention import Extraction, Mention, Method, Taxonomy
from careermap.extract.pipeline import TaxonomyChoice, extract, lexical_hits
from careermap.extract.profile import build_profile

if TYPE_CHECKING:
    from careermap.documents.model import Document

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


class _CallableModule(types.ModuleType):
    """``careermap.extract`` is this package; calling it extracts (``careermap.extract(doc)``),
    whichever of the two names was imported first."""

    def __call__(
        self,
        source: str | Document,
        *,
        taxonomy: TaxonomyChoice = "careermap",
        semantic: bool = True,
        context: bool = True,
        lexicon: Lexicon | None = None,
    ) -> Extraction:
        return extract(
            source, taxonomy=taxonomy, semantic=semantic, context=context, lexicon=lexicon
        )


sys.modules[__name__].__class__ = _CallableModule
