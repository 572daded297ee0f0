"""The one small interface every embedding backend implements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

__all__ = ["Embedder", "SpanEmbedder", "Spans", "Vectors"]

#: a float32 matrix, one L2-normalised row per text
Vectors = npt.NDArray[np.float32]
#: character ranges ``(start, end)`` within one text, pooled together into one vector
Spans = Sequence[tuple[int, int]]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into unit vectors whose dot product is their cosine similarity."""

    #: registry name of the backend ("minilm-onnx")
    name: str
    #: width of each vector
    dim: int

    @property
    def fingerprint(self) -> str:
        """A short string that changes whenever the vectors for the same text would change
        (model file, tokenizer, truncation); caches of vectors are keyed by it."""
        ...

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> Vectors:
        """Return an ``(len(texts), dim)`` float32 array of L2-normalised rows."""
        ...


@runtime_checkable
class SpanEmbedder(Embedder, Protocol):
    """A backend that can also pool parts of each text from the same forward pass.

    Optional: callers check for it and fall back to embedding the parts as texts.
    """

    def embed_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[Spans]], batch_size: int = 32
    ) -> tuple[Vectors, Vectors]:
        """``(text vectors, group vectors)``: one row per text, and one per span group in
        the order given (text by text). A group's vector is the mean of the contextual
        token vectors inside its ranges, L2-normalised; a group with no token (empty, or cut
        off by truncation) is all zeros."""
        ...
