"""The one small interface every embedding backend implements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

__all__ = ["Embedder", "Vectors"]

#: a float32 matrix, one L2-normalised row per text
Vectors = npt.NDArray[np.float32]


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
