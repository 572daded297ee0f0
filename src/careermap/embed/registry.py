"""Embedding backends are plugins: registered by name, the built-in one like any other.

A backend is a factory, called with no argument, that returns an
:class:`~careermap.embed.base.Embedder`. careermap's own backend is listed in
:data:`DEFAULT_PLUGINS`; a package adds one with an entry point in the
``careermap.embedders`` group (``name = "module:factory"``), or code calls
:func:`register`. Nothing is imported or loaded until a backend is first asked for; the
instance is then owned by the :class:`~careermap.runtime.Runtime`, built once.
The ``CAREERMAP_EMBEDDER`` setting chooses the backend.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, cast

from careermap.embed.base import Embedder
from careermap.errors import InputError, ProviderError

if TYPE_CHECKING:
    from careermap.settings import Settings

__all__ = [
    "DEFAULT_BACKEND",
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "available",
    "build_embedder",
    "get_embedder",
    "register",
    "unregister",
]

DEFAULT_BACKEND = "minilm-onnx"
ENTRY_POINT_GROUP = "careermap.embedders"
#: backends that ship with careermap, as "module:factory"
DEFAULT_PLUGINS: dict[str, str] = {
    "minilm-onnx": "careermap.embed.onnx_minilm:MiniLMOnnx",
}

_factories: dict[str, Callable[[], Embedder]] = {}
_lock = threading.Lock()
_discovered = False


def register(name: str, factory: Callable[[], Embedder], *, replace: bool = False) -> None:
    """Make ``factory`` available as backend ``name``."""
    _discover()
    with _lock:
        if name in _factories and not replace:
            raise InputError(f"embedding backend '{name}' is already registered")
        _factories[name] = factory


def unregister(name: str) -> None:
    """Forget backend ``name``; unknown names are ignored. (An instance the runtime built
    stays until :func:`careermap.runtime.reset_runtime`.)"""
    with _lock:
        _factories.pop(name, None)


def available() -> list[str]:
    """Names of the registered backends, sorted."""
    _discover()
    return sorted(_factories)


def _load(spec: str) -> Callable[[], Embedder]:
    module, _, attr = spec.partition(":")

    def factory() -> Embedder:
        try:
            obj = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as exc:
            raise ProviderError(
                f"the embedding backend {spec} cannot be imported ({exc}). "
                "Reinstall the package that provides it."
            ) from exc
        return cast(Embedder, obj())

    return factory


def _discover() -> None:
    global _discovered
    if _discovered:
        return
    with _lock:
        if _discovered:
            return
        for name, spec in DEFAULT_PLUGINS.items():
            _factories.setdefault(name, _load(spec))
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            _factories.setdefault(ep.name, _load(ep.value))
        _discovered = True


def build_embedder(name: str | None = None, settings: Settings | None = None) -> Embedder:
    """A new instance of backend ``name`` (default: the ``embedder`` setting)."""
    _discover()
    key = name or (settings.embedder if settings is not None else DEFAULT_BACKEND)
    factory = _factories.get(key)
    if factory is None:
        raise InputError(
            f"unknown embedding backend '{key}'. Available: {', '.join(sorted(_factories))}."
        )
    return factory()


def get_embedder(name: str | None = None) -> Embedder:
    """The runtime's instance of backend ``name`` (default: the ``embedder`` setting)."""
    from careermap.runtime import get_runtime

    return get_runtime().embedder(name)
