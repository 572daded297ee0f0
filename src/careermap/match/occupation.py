"""Recognise a person's occupation from job titles, and its distance to each role.

Titles are matched against O*NET's alternate and reported titles (→ an O*NET-SOC code)
and ESCO's occupation labels and alternative labels (→ an ESCO occupation), after
normalisation (case, punctuation, seniority words such as "senior" or "II"). An exact
normalised match wins; otherwise the closest title by rapidfuzz's token-sort ratio, kept
only above ``proximity.min_title_score``; a title written like none is matched by meaning
above ``proximity.semantic_min`` (both in ``tuning.yaml``, like the proximity scores).

The distance from that occupation to a role uses, in order of strength: careermap's own
title rules (the person already holds the role), the role's O*NET codes, O*NET's related
occupations, and the overlap of O*NET technology skills between the two occupations.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, Field

from careermap.errors import DataError
from careermap.knowledge import broad
from careermap.knowledge.loader import KnowledgeBase
from careermap.knowledge.schemas import FIT_ORDER, Role
from careermap.knowledge.titles import TitleMatch, match_title
from careermap.tuning import get_tuning

__all__ = [
    "OccupationGuess",
    "Proximity",
    "TitleIndex",
    "normalise_title",
    "proximity",
    "recognise",
    "title_index",
    "title_matches",
]

OCCUPATION_VECTORS = (
    Path(__file__).resolve().parent.parent / "knowledge" / "data" / ("occupation_vectors.npz")
)

_SENIORITY = re.compile(
    r"\b(senior|sr|junior|jr|lead|principal|staff|head|chief|associate|assistant|intern|"
    r"trainee|graduate|entry level|mid level|i{1,3}|iv|v|[1-5])\b"
)
_PUNCT = re.compile(r"[^\w+#]+")
_COMPOUND = re.compile(r"\b(back|front)end\b")


_PARENS = re.compile(r"\(.*?\)")
#: design titles are mostly written with the abbreviations and listed in full
#: ("UX Designer" is O*NET's "User Experience Designer")
_UX_UI = re.compile(r"\b(ux|ui)\b")
_UX_UI_WORDS = {"ux": "user experience", "ui": "user interface"}
#: words by which a title names AI work, which general title lists misread
_AI_WORDS = re.compile(
    r"\b(ai|genai|gen ai|llm|llms|ml|mlops|nlp|machine learning|artificial intelligence|"
    r"generative|prompt)\b",
    re.IGNORECASE,
)
#: the joints of a title that names two jobs ("Copywriter and Content Creator")
_TITLE_PARTS = re.compile(r"\s+(?:and|&)\s+|\s*[/,|+]\s*", re.IGNORECASE)


def normalise_title(title: str, *, drop_seniority: bool = True) -> str:
    """A title as the index keys it: lower case, no bracketed asides or punctuation, and
    (by default) no seniority words. Run on some 100,000 reference titles at start, so the
    patterns that cannot match are not run."""
    t = title.lower().replace("&", " and ")
    if "(" in t:
        t = _PARENS.sub(" ", t)
    t = _PUNCT.sub(" ", t)
    if "end" in t:
        t = _COMPOUND.sub(lambda m: f"{m.group(1)} end", t)
    if "u" in t:
        t = _UX_UI.sub(lambda m: _UX_UI_WORDS[m.group(1)], t)
    if drop_seniority:
        t = _SENIORITY.sub(" ", t)
    return " ".join(t.split())


class OccupationGuess(BaseModel):
    title: str = Field(description="the person's title as written")
    matched: str = Field(description="the reference title it matched")
    score: float = Field(ge=0, le=100)
    onet_code: str | None = None
    onet_title: str | None = None
    esco_uri: str | None = None
    esco_label: str | None = None


@dataclass(frozen=True)
class TitleIndex:
    """Normalised reference titles with the O*NET codes / ESCO URIs they name."""

    onet: dict[str, list[str]]
    esco: dict[str, str]
    originals: dict[str, str]
    #: the keys of ``onet`` and ``esco`` as lists, built once for rapidfuzz
    onet_keys: list[str]
    esco_keys: list[str]
    #: how many of a title's first codes are occupations that have it as their own title or
    #: as a title their workers report (O*NET's reported job titles); the rest list it only
    #: among their alternate titles
    onet_named: dict[str, int]

    def esco_candidates(self, title: str, limit: int = 10) -> list[tuple[str, float]]:
        """ESCO occupation URIs for a title, best first, each once (for ranking metrics)."""
        from rapidfuzz import fuzz, process

        key = normalise_title(title)
        out: dict[str, float] = {}
        if key in self.esco:
            out[self.esco[key]] = 100.0
        for cand, score, _ in process.extract(
            key, self.esco_keys, scorer=fuzz.token_sort_ratio, limit=limit * 4
        ):
            out.setdefault(self.esco[cand], float(score))
            if len(out) >= limit:
                break
        return sorted(out.items(), key=lambda kv: -kv[1])[:limit]


def title_index() -> TitleIndex:
    """The reference titles, built once by the runtime (and kept under careermap's home,
    so that a later process reads them instead of normalising 100,000 titles again)."""
    from careermap.runtime import get_runtime

    rt = get_runtime()
    return rt.cached("title_index", lambda: _cached_title_index(rt.settings.home / "cache"))


def _cached_title_index(cache_dir: Path) -> TitleIndex:
    """The index from ``cache_dir`` when it was built from this broad layer by this code,
    else built and saved there (a read-only or damaged cache only costs the build)."""
    import contextlib
    import hashlib
    import json

    from careermap.errors import InputError
    from careermap.files import write_atomic

    key = hashlib.sha256(
        json.dumps(broad.meta(), sort_keys=True).encode() + Path(__file__).read_bytes()
    ).hexdigest()[:24]
    path = cache_dir / f"title-index-{key}.json"
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        data = json.loads(path.read_text(encoding="utf-8"))
        onet, esco = data["onet"], data["esco"]
        return TitleIndex(
            onet=onet,
            esco=esco,
            originals=data["originals"],
            onet_keys=list(onet),
            esco_keys=list(esco),
            onet_named=data["onet_named"],
        )
    index = _build_title_index()
    blob = json.dumps(
        {
            "onet": index.onet,
            "esco": index.esco,
            "originals": index.originals,
            "onet_named": index.onet_named,
        }
    )
    with contextlib.suppress(InputError):
        write_atomic(path, blob)
    return index


def _build_title_index() -> TitleIndex:
    """Preferred names first, so that an alternative label never hides an occupation's own."""
    onet: dict[str, list[str]] = {}
    esco: dict[str, str] = {}
    originals: dict[str, str] = {}

    def add_onet(title: str, code: str) -> None:
        k = normalise_title(title)
        if k:
            codes = onet.setdefault(k, [])
            if code not in codes:
                codes.append(code)
            originals.setdefault(k, title)

    for occ in broad.onet_occupations():
        add_onet(occ.title, occ.code)
    alternates = broad.onet_alternate_titles()
    for t in alternates:
        if t.kind == "reported":
            add_onet(t.title, t.code)
    named = {k: len(codes) for k, codes in onet.items()}
    for t in alternates:
        if t.kind != "reported":
            add_onet(t.title, t.code)
    occupations = list(broad.esco_occupations())
    for o in occupations:
        k = normalise_title(o.label)
        esco.setdefault(k, o.uri)
        originals.setdefault(k, o.label)
    for o in occupations:
        for label in o.alt_labels:
            k = normalise_title(label)
            if k:
                esco.setdefault(k, o.uri)
                originals.setdefault(k, label)
    return TitleIndex(
        onet=onet,
        esco=esco,
        originals=originals,
        onet_keys=list(onet),
        esco_keys=list(esco),
        onet_named=named,
    )


@dataclass(frozen=True)
class _OccupationVectors:
    uris: list[str]
    labels: npt.NDArray[np.float32]
    alts: npt.NDArray[np.float32]


def _occupation_vectors() -> _OccupationVectors:
    from careermap.runtime import get_runtime

    return get_runtime().cached("occupation_vectors", _read_occupation_vectors)


def _read_occupation_vectors() -> _OccupationVectors:
    from careermap.embed import get_embedder

    try:
        with np.load(OCCUPATION_VECTORS, allow_pickle=False) as z:
            meta = json.loads(bytes(z["meta"]).decode("utf-8"))
            uris = [str(u) for u in z["uris"]]
            labels = z["label_vectors"].astype(np.float32) * z["label_scales"][:, None]
            alts = z["alt_vectors"].astype(np.float32) * z["alt_scales"][:, None]
    except (OSError, KeyError, ValueError) as exc:
        raise DataError(
            f"cannot read {OCCUPATION_VECTORS.name}: {exc}. Reinstall careermap or run "
            "`python scripts/build_occupation_vectors.py`."
        ) from exc
    if meta.get("embedder") != get_embedder().fingerprint:
        raise DataError(
            f"{OCCUPATION_VECTORS.name} was built with another embedder: run "
            "`python scripts/build_occupation_vectors.py`."
        )

    def unit(m: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        out: npt.NDArray[np.float32] = m / np.maximum(
            np.linalg.norm(m, axis=1, keepdims=True), 1e-12
        )
        return out

    return _OccupationVectors(uris, unit(labels), unit(alts))


def semantic_candidates(title: str, limit: int = 10) -> list[tuple[str, float]]:
    """ESCO occupation URIs by meaning: the better cosine of the title to an occupation's
    preferred label or to the mean of its alternative labels, best first."""
    from careermap.embed import get_embedder

    idx = _occupation_vectors()
    q = get_embedder().embed([title])[0]
    sims = np.maximum(idx.labels @ q, idx.alts @ q)
    top = np.argsort(-sims, kind="stable")[:limit]
    return [(idx.uris[i], float(sims[i])) for i in top]


def _closest(
    key: str, table: dict[str, str] | dict[str, list[str]], keys: list[str]
) -> tuple[str, float] | None:
    from rapidfuzz import fuzz, process

    if key in table:
        return key, 100.0
    hit = process.extractOne(key, keys, scorer=fuzz.token_sort_ratio)
    if hit is None or hit[1] < get_tuning().proximity.min_title_score:
        return None
    return str(hit[0]), float(hit[1])


def _role_occupation(title: str, kb: KnowledgeBase | None) -> OccupationGuess | None:
    """A title careermap's own rules know ("AI Engineer", "Prompt Engineer", "Copywriter")
    names one of the role's O*NET and ESCO occupations: general title lists read "AI"
    otherwise. Of the role's occupations, the one the title lists themselves give it
    to a title without AI words ("Copywriter": Writers and Authors, one of AI Content
    Creator's; in "Copywriter and Content Creator", the first job it names), else the
    closest."""
    hit = match_title(title)
    if hit is None:
        return None
    if kb is None:
        from careermap.knowledge import load

        kb = load()
    role = kb.roles.get(hit.role)
    if role is None:
        return None
    listed_codes: set[str] = set()
    listed_uri: str | None = None
    if not _AI_WORDS.search(title):
        index = title_index()
        for part in [title, *_TITLE_PARTS.split(title)]:
            key = normalise_title(part)
            if key in index.onet and not listed_codes:
                listed_codes = set(index.onet[key])
            if key in index.esco and listed_uri is None:
                listed_uri = index.esco[key]
    onet = min(
        role.onet,
        key=lambda link: (link.code not in listed_codes, FIT_ORDER[link.fit]),
    )
    esco = min(
        role.esco,
        key=lambda link: (link.uri != listed_uri, FIT_ORDER[link.fit]),
    )
    return OccupationGuess(
        title=title,
        matched=role.title,
        score=100.0,
        onet_code=onet.code,
        onet_title=onet.title,
        esco_uri=esco.uri,
        esco_label=esco.label,
    )


def recognise(
    title: str, context: Iterable[str] = (), *, kb: KnowledgeBase | None = None
) -> OccupationGuess | None:
    """The O*NET and ESCO occupations a job title names, or None when nothing is close.

    ``context`` holds O*NET technology names of the person's skills; when a title is
    shared by several O*NET occupations ("Data Analyst" by nine), those that have it as
    their own or a reported title come before those that only list it as an alternate;
    among them, the one whose technology skills overlap the context most wins, then the
    one ESCO's crosswalk points at.
    """
    index = title_index()
    key = normalise_title(title)
    if not key:
        return None
    by_role = _role_occupation(title, kb)
    if by_role is not None:
        return by_role
    o = _closest(key, index.onet, index.onet_keys)
    e = _closest(key, index.esco, index.esco_keys)
    uri: str | None = index.esco[e[0]] if e is not None else None
    matched = index.originals[(o or e or ("", 0.0))[0]] if (o or e) else ""
    score = max(o[1] if o else 0.0, e[1] if e else 0.0)
    if o is None and e is None:  # nothing written alike: try by meaning
        uri, cos = semantic_candidates(title, limit=1)[0]
        if cos < get_tuning().proximity.semantic_min:
            return None
        found = broad.esco_occupation(uri)
        matched, score = (found.label if found else uri), round(100 * cos, 1)
    guess = OccupationGuess(title=title, matched=matched, score=score)
    update: dict[str, object] = {}
    via_esco: str | None = None
    if uri is not None:
        eo = broad.esco_occupation(uri)
        update |= {"esco_uri": uri, "esco_label": eo.label if eo else None}
        link = broad.crosswalk_esco_to_onet(uri)  # Nesta's ESCO -> O*NET link
        via_esco = link.onet_code if link is not None else None
    code: str | None = None
    if o is not None:
        # an occupation whose workers report the title outranks one that only lists it
        # among alternates ("Data Engineer": Database Architects, not Data Scientists)
        codes = index.onet[o[0]][: index.onet_named.get(o[0])]
        code = _pick(codes, set(context), via_esco)
    elif via_esco is not None:
        code = via_esco
    occ = broad.onet_occupation(code) if code else None
    if occ is not None:
        update |= {"onet_code": occ.code, "onet_title": occ.title}
    return guess.model_copy(update=update)


def _pick(codes: list[str], context: set[str], via_esco: str | None) -> str:
    if len(codes) == 1:
        return codes[0]
    if context:
        # overlap relative to the occupation's breadth, so a focused occupation wins a tie
        overlap = {c: len(_tech(c) & context) / max(1, len(_tech(c))) ** 0.5 for c in codes}
        best = max(overlap.values())
        if best > 0:
            tied = [c for c in codes if overlap[c] == best]
            return via_esco if via_esco in tied else tied[0]
    return via_esco if via_esco in codes else codes[0]


class Proximity(BaseModel):
    score: float = Field(ge=0, le=1)
    reason: str


def _related(code: str) -> dict[str, broad.RelatedOccupation]:
    """O*NET's related occupations of ``code`` (asked once per code, not once per role)."""
    from careermap.runtime import get_runtime

    return get_runtime().memo(
        "onet_related", code, lambda: {r.code: r for r in broad.related_occupations(code)}
    )


def _tech(code: str) -> frozenset[str]:
    from careermap.runtime import get_runtime

    return get_runtime().memo(
        "onet_tech", code, lambda: frozenset(t.example for t in broad.onet_tech_skills(code))
    )


def nearby_occupations(titles: list[str]) -> list[tuple[str, float]]:
    """ESCO occupations a title reads like (URI, cosine), for a title careermap could not
    recognise: those above ``proximity.nearby_min``, best first."""
    floor = get_tuning().proximity.nearby_min
    for t in titles[:1]:
        if normalise_title(t):
            return [(u, c) for u, c in semantic_candidates(t, limit=3) if c >= floor]
    return []


def title_matches(titles: Sequence[str]) -> list[tuple[str, TitleMatch | None]]:
    """The person's two latest titles, each with the role rule it matches (if any): what
    :func:`proximity` compares every role with."""
    return [(t, match_title(t)) for t in titles[:2]]


def proximity(
    role: Role,
    titles: Sequence[tuple[str, TitleMatch | None]],
    guess: OccupationGuess | None,
    nearby: Sequence[tuple[str, float]] = (),
) -> Proximity | None:
    """How close the person's current work is to a role (None when nothing is known).

    ``titles``: from :func:`title_matches`. ``nearby`` (from :func:`nearby_occupations`,
    used when no occupation was recognised) counts a role that links an occupation the
    title reads like, at a discount."""
    tuning = get_tuning().proximity
    for t, hit in titles:
        if hit is not None and hit.role == role.id:
            return Proximity(
                score=tuning.title_fit[hit.fit],
                reason=f"Your title '{t}' is already a {role.title} title.",
            )
    if guess is None:
        fits = {link.uri: link for link in role.esco}
        for uri, _cos in nearby:
            esco_link = fits.get(uri)
            if esco_link is not None:
                return Proximity(
                    score=round(tuning.onet_fit[esco_link.fit] * tuning.nearby_factor, 3),
                    reason=f"Your title reads like {esco_link.label} (ESCO), which this role "
                    "maps to.",
                )
        return None
    best_esco = min(
        (link for link in role.esco if link.uri == guess.esco_uri),
        key=lambda link: FIT_ORDER[link.fit],
        default=None,
    )
    linked: list[Proximity] = []
    if best_esco is not None:
        linked.append(
            Proximity(
                score=tuning.onet_fit[best_esco.fit],
                reason=f"Your occupation ({best_esco.label}, ESCO) is one this role maps to.",
            )
        )
    code = guess.onet_code
    for link in role.onet:
        if code is not None and link.code == code:
            linked.append(
                Proximity(
                    score=tuning.onet_fit[link.fit],
                    reason=f"Your occupation ({link.title}, {code}) is one this role maps to.",
                )
            )
    if linked:
        return max(linked, key=lambda p: p.score)
    if code is None:
        return None
    related = _related(code)
    best: Proximity | None = None
    for link in role.onet:
        r = related.get(link.code)
        if r is not None:
            cand = Proximity(
                score=tuning.related_tier.get(r.tier, min(tuning.related_tier.values())),
                reason=f"O*NET lists {link.title} as related to your occupation "
                f"({guess.onet_title}).",
            )
            if best is None or cand.score > best.score:
                best = cand
    if best is not None:
        return best
    mine = _tech(code)
    theirs: set[str] = set()
    for link in role.onet:
        theirs |= _tech(link.code)
    if not mine or not theirs:
        return Proximity(score=0.0, reason="No shared O*NET data with your occupation.")
    shared = mine & theirs
    jac = len(shared) / len(mine | theirs)
    return Proximity(
        score=round(min(tuning.shared_technology_cap, jac), 3),
        reason=f"{len(shared)} technologies in common between your occupation "
        f"({guess.onet_title}) and this role's.",
    )
