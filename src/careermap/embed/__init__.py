"""Embedding backends behind one small interface.

>>> from careermap.embed import get_embedder
>>> vecs = get_embedder().embed(["prompt engineering", "fine-tuning LLMs"])  # doctest: +SKIP
"""

from careermap.embed.base import Embedder, SpanEmbedder, Spans, Vectors
from careermap.embed.registry import (
    DEFAULT_BACKEND,
    available,
    get_embedder,
    register,
    unregister,
)

__all__ = [
    "DEFAULT_BACKEND",
    "Embedder",
    "SpanEmbedder",
    "Spans",
    "Vectors",
    "available",
    "get_embedder",
    "register",
    "unregister",
]
