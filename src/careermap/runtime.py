"""The one owner of careermap's loaded state.

Settings, the knowledge base, the lexicon, the embedding model, the broad layer's
connection and every index built from them live on one :class:`Runtime`, built lazily
the first time something asks for them, each exactly once even when many threads ask at
the same moment. Everything on it is read-only once built, so any number of threads may
share one runtime; nothing about one call (a document, a person) is ever kept on it.

Most code reaches the process's default runtime through :func:`get_runtime`;
:func:`reset_runtime` drops it (tests do this between cases) or installs another one, for
example with different settings::

    from careermap.runtime import Runtime, reset_runtime
    reset_runtime(Runtime(Settings(max_document_mb=2)))
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from careermap.embed.base import Embedder
    from careermap.extract.lexical import Lexicon
    from careermap.extract.semantic import EscoLinker, SemanticIndex
    from careermap.knowledge.loader import KnowledgeBase
    from careermap.settings import Settings

__all__ = ["Runtime", "get_runtime", "reset_runtime"]

T = TypeVar("T")
_MISSING: Any = object()


class Runtime:
    """Lazily built, shared, read-only state. See the module docstring."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        knowledge: KnowledgeBase | None = None,
        parent: Runtime | None = None,
    ) -> None:
        """``parent``: a runtime whose loaded data and models this one shares (everything
        but the settings), e.g. one per test over one per test session."""
        self._parent = parent
        self._values: dict[Hashable, Any] = {}
        self._locks: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()
        self._local = threading.local()
        if settings is not None:
            self._values["settings"] = settings
        if knowledge is not None:
            self._values["kb"] = knowledge

    # ---- the one caching idiom ---------------------------------------------------------
    def cached(self, key: Hashable, build: Callable[[], T]) -> T:
        """The value stored under ``key``, built by ``build`` on first use (once, even
        when several threads ask together). A build that raises stores nothing."""
        value = self._values.get(key, _MISSING)
        if value is not _MISSING:
            return cast(T, value)
        if self._parent is not None and key != "settings":
            return self._parent.cached(key, build)
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            value = self._values.get(key, _MISSING)
            if value is _MISSING:
                value = build()
                self._values[key] = value
        return cast(T, value)

    def memo(self, table: str, key: Hashable, build: Callable[[], T]) -> T:
        """A per-key cache under one table name (e.g. O*NET look-ups by code)."""
        return self.cached((table, key), build)

    # ---- settings and data -------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        from careermap.settings import read_settings

        return self.cached("settings", read_settings)

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base shipped with careermap, validated."""
        from careermap.knowledge.loader import DATA_DIR, load_from

        return self.cached("kb", lambda: load_from(DATA_DIR))

    def broad(self) -> sqlite3.Connection:
        """This thread's read-only connection to the shipped broad layer."""
        conn: sqlite3.Connection | None = getattr(self._local, "broad", None)
        if conn is None:
            from careermap.knowledge.broad._db import open_broad

            conn = open_broad()
            self._local.broad = conn
        return conn

    @property
    def lexicon(self) -> Lexicon:
        """Every surface form of the knowledge base's skills and ESCO's."""
        from careermap.extract.lexical import Lexicon, shipped_esco

        return self.cached("lexicon", lambda: Lexicon(self.kb.skills.values(), shipped_esco()))

    # ---- models and indexes ------------------------------------------------------------
    def embedder(self, name: str | None = None) -> Embedder:
        """The embedding backend ``name`` (default: the ``embedder`` setting), built once."""
        from careermap.embed.registry import build_embedder

        key = name or self.settings.embedder
        return self.cached(("embedder", key), lambda: build_embedder(key, self.settings))

    def careermap_index(self, lexicon: Lexicon | None = None) -> SemanticIndex:
        """The skills of ``lexicon`` (default: the runtime's) as a semantic index."""
        from careermap.extract.semantic import skill_index

        lex = lexicon or self.lexicon
        return self.cached(
            ("careermap_index", lex),
            lambda: skill_index(
                lex.skills.values(),
                embedder=self.embedder(),
                cache_dir=self.settings.home / "cache",
            ),
        )

    @property
    def esco_linker(self) -> EscoLinker:
        from careermap.extract.semantic import ESCO_VECTORS, EscoLinker

        return self.cached(
            "esco_linker", lambda: EscoLinker.load(ESCO_VECTORS, embedder=self.embedder())
        )

    def warm(self) -> None:
        """Load now what the first request would: the knowledge base, the lexicon, the
        embedding model, the semantic index, the ESCO linker and SciPy's integer-program
        solver, which a plan with a large group of needs calls (for a server, before it
        takes requests)."""
        from scipy.optimize import milp  # noqa: F401 - loaded here, not in a request

        self.kb  # noqa: B018 - each property loads and caches
        self.lexicon  # noqa: B018
        self.careermap_index()
        self.esco_linker  # noqa: B018


_default: Runtime | None = None
_default_lock = threading.Lock()


def get_runtime() -> Runtime:
    """The process's default runtime (made on first use)."""
    global _default
    rt = _default
    if rt is None:
        with _default_lock:
            if _default is None:
                _default = Runtime()
            rt = _default
    return rt


def reset_runtime(runtime: Runtime | None = None) -> Runtime | None:
    """Drop the default runtime (or install ``runtime``); returns the one it replaces."""
    global _default
    with _default_lock:
        old, _default = _default, runtime
    return old
