"""Embedding backends register here by name; adding one never touches core code.

A backend is registered as a zero-argument factory, so nothing is loaded until the first
call to :func:`get_embedder`, and each backend is built once per process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from careermap.embed.base import Embedder
from careermap.errors import InputError

__all__ = ["DEFAULT_BACKEND", "available", "get_embedder", "register", "unregister"]

DEFAULT_BACKEND = "minilm-onnx"

_factories: dict[str, Callable[[], Embedder]] = {}
_instances: dict[str, Embedder] = {}
_lock = threading.Lock()


def register(name: str, factory: Callable[[], Embedder], *, replace: bool = False) -> None:
    """Make ``factory`` available as backend ``name``."""
    if name in _factories and not replace:
        raise InputError(f"embedding backend '{name}' is already registered")
    _factories[name] = factory
    _instances.pop(name, None)


def unregister(name: str) -> None:
    """Forget backend ``name`` (and its instance); unknown names are ignored."""
    _factories.pop(name, None)
    _instances.pop(name, None)


def available() -> list[str]:
    """Names of the registered backends, sorted."""
    _ensure_builtins()
    return sorted(_factories)


def get_embedder(name: str | None = None) -> Embedder:
    """The backend ``name`` (default: ``minilm-onnx``), built on first use and then reused."""
    _ensure_builtins()
    key = name or DEFAULT_BACKEND
    with _lock:
        if key in _instances:
            return _instances[key]
        factory = _factories.get(key)
        if factory is None:
            raise InputError(
                f"unknown embedding backend '{key}'. Available: {', '.join(sorted(_factories))}."
            )
        emb = factory()
        _instances[key] = emb
        return emb


def _ensure_builtins() -> None:
    if DEFAULT_BACKEND not in _factories:
        from careermap.embed.onnx_minilm import MiniLMOnnx

        _factories.setdefault(DEFAULT_BACKEND, MiniLMOnnx)
