"""ESCO, O*NET, Nesta crosswalk and Microsoft "Working with AI" -> broad.sqlite tables.

Helpers of scripts/build_broad.py. Each ``build_*`` function creates its tables, fills
them in a fixed order and returns {table: row count}.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

SHORT = 300  # longest description kept, in characters (cut at a word, with an ellipsis)
GROUP_ID_BASE = 1_000_000  # ESCO skill groups share the skills' id space above this
ESCO_SKILL = "http://data.europa.eu/esco/skill/"
ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/"
_RIASEC_NAMES = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")

Counts = dict[str, int]

__all__ = [
    "Counts",
    "build_esco",
    "build_msai",
    "build_nesta",
    "build_onet",
    "short",
    "split_labels",
]


def short(text: str | None, limit: int = SHORT) -> str | None:
    """Whitespace collapsed; cut at the last word boundary before ``limit`` with '…'."""
    if not text:
        return None
    t = " ".join(text.split())
    if len(t) <= limit:
        return t
    cut = t[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def split_labels(raw: str, exclude: str) -> list[str]:
    """Newline-separated labels, stripped and deduplicated (first spelling kept)."""
    seen: set[str] = {exclude.casefold()}
    out: list[str] = []
    for lab in raw.split("\n"):
        lab = " ".join(lab.split())
        if lab and lab.casefold() not in seen:
            seen.add(lab.casefold())
            out.append(lab)
    return out


def _json(labels: list[str]) -> str:
    return json.dumps(labels, ensure_ascii=False, separators=(",", ":"))


def uuid(uri: str, prefix: str) -> str:
    if not uri.startswith(prefix):
        raise SystemExit(f"error: {uri} does not start with {prefix}")
    return uri.removeprefix(prefix)


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def count(db: sqlite3.Connection, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


# ---------------------------------------------------------------------------------- ESCO
ESCO_DDL = """
CREATE TABLE esco_skill(            -- uuid: the URI after http://data.europa.eu/esco/skill/
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, label TEXT NOT NULL,
  alt_labels TEXT NOT NULL,           -- JSON list of strings
  skill_type TEXT, reuse_level TEXT, description TEXT,
  is_digital INTEGER NOT NULL         -- 1 when in ESCO's digital skills collection
);
CREATE TABLE esco_skill_group(
  id INTEGER PRIMARY KEY, uri TEXT NOT NULL UNIQUE, code TEXT, label TEXT NOT NULL
);
CREATE TABLE esco_skill_broader(      -- child -> parent, skills and groups alike
  skill_id INTEGER NOT NULL, broader_id INTEGER NOT NULL, PRIMARY KEY(skill_id, broader_id)
) WITHOUT ROWID;
CREATE INDEX esco_skill_broader_by_parent ON esco_skill_broader(broader_id);
CREATE TABLE isco_group(
  code TEXT PRIMARY KEY, label TEXT NOT NULL, description TEXT
) WITHOUT ROWID;
CREATE TABLE esco_occupation(       -- uuid: the URI after .../esco/occupation/
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, label TEXT NOT NULL,
  alt_labels TEXT NOT NULL,           -- JSON list of strings
  code TEXT, isco_group TEXT, broader_id INTEGER, description TEXT
);
CREATE TABLE esco_occupation_skill(
  occupation_id INTEGER NOT NULL, skill_id INTEGER NOT NULL, essential INTEGER NOT NULL,
  PRIMARY KEY(occupation_id, skill_id)
) WITHOUT ROWID;
"""


def build_esco(db: sqlite3.Connection, shared: Path) -> Counts:
    d = shared / "esco-1.1.1"
    db.executescript(ESCO_DDL)
    digital = {r["conceptUri"] for r in read_csv(d / "digitalSkillsCollection_en.csv")}
    skills = sorted(read_csv(d / "skills_en.csv"), key=lambda r: r["conceptUri"])
    ids: dict[str, int] = {}
    rows = []
    for i, r in enumerate(skills, 1):
        ids[r["conceptUri"]] = i
        label = r["preferredLabel"].strip()
        alts = split_labels(r["altLabels"], label)
        rows.append(
            (
                i,
                uuid(r["conceptUri"], ESCO_SKILL),
                label,
                _json(alts),
                r["skillType"] or None,
                r["reuseLevel"] or None,
                short(r["description"]),
                int(r["conceptUri"] in digital),
            )
        )
    db.executemany("INSERT INTO esco_skill VALUES (?,?,?,?,?,?,?,?)", rows)

    groups = sorted(read_csv(d / "skillGroups_en.csv"), key=lambda r: r["conceptUri"])
    grows = []
    for j, r in enumerate(groups, GROUP_ID_BASE + 1):
        ids[r["conceptUri"]] = j
        grows.append((j, r["conceptUri"], r["code"] or None, r["preferredLabel"].strip()))
    db.executemany("INSERT INTO esco_skill_group VALUES (?,?,?,?)", grows)

    broader = sorted(
        {
            (ids[r["conceptUri"]], ids[r["broaderUri"]])
            for r in read_csv(d / "broaderRelationsSkillPillar.csv")
            if r["conceptUri"] in ids and r["broaderUri"] in ids
        }
    )
    db.executemany("INSERT INTO esco_skill_broader VALUES (?,?)", broader)

    isco = sorted(read_csv(d / "ISCOGroups_en.csv"), key=lambda r: r["code"])
    db.executemany(
        "INSERT INTO isco_group VALUES (?,?,?)",
        [(r["code"], r["preferredLabel"].strip(), short(r["description"])) for r in isco],
    )

    occs = sorted(read_csv(d / "occupations_en.csv"), key=lambda r: r["conceptUri"])
    oid = {r["conceptUri"]: i for i, r in enumerate(occs, 1)}
    parent: dict[str, str] = {}
    for r in sorted(
        read_csv(d / "broaderRelationsOccPillar.csv"),
        key=lambda r: (r["conceptUri"], r["broaderUri"]),
    ):
        if r["broaderType"] == "Occupation" and r["conceptUri"] in oid:
            parent.setdefault(r["conceptUri"], r["broaderUri"])
    orows = []
    for r in occs:
        label = r["preferredLabel"].strip()
        up = parent.get(r["conceptUri"])
        orows.append(
            (
                oid[r["conceptUri"]],
                uuid(r["conceptUri"], ESCO_OCCUPATION),
                label,
                json.dumps(
                    split_labels(r["altLabels"], label), ensure_ascii=False, separators=(",", ":")
                ),
                r["code"] or None,
                r["iscoGroup"] or None,
                oid.get(up) if up else None,
                short(r["description"]),
            )
        )
    db.executemany("INSERT INTO esco_occupation VALUES (?,?,?,?,?,?,?,?)", orows)

    rel: dict[tuple[int, int], int] = {}
    orphans: set[str] = set()
    for r in read_csv(d / "occupationSkillRelations.csv"):
        if r["occupationUri"] not in oid:  # one occupation of the export has no record
            orphans.add(r["occupationUri"])
            continue
        key = (oid[r["occupationUri"]], ids[r["skillUri"]])
        rel[key] = max(rel.get(key, 0), int(r["relationType"] == "essential"))
    db.executemany(
        "INSERT INTO esco_occupation_skill VALUES (?,?,?)",
        [(o, s, e) for (o, s), e in sorted(rel.items())],
    )
    for uri in sorted(orphans):
        print(f"  esco: skipped relations of {uri} (not in occupations_en.csv)")
    return {
        t: count(db, t)
        for t in (
            "esco_skill",
            "esco_skill_group",
            "esco_skill_broader",
            "isco_group",
            "esco_occupation",
            "esco_occupation_skill",
        )
    }


# --------------------------------------------------------------------------------- O*NET
ONET_DDL = """
CREATE TABLE onet_occupation(
  code TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL, job_zone INTEGER
) WITHOUT ROWID;
CREATE TABLE onet_title(              -- kind: 'alternate' (Alternate Titles) or 'reported'
  code TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL, short_title TEXT,
  PRIMARY KEY(code, kind, title)
) WITHOUT ROWID;
CREATE TABLE onet_tech_example(     -- one row per technology name; hot is per name
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, hot INTEGER NOT NULL,
  occupations INTEGER NOT NULL, in_demand_occupations INTEGER NOT NULL
);
CREATE TABLE onet_commodity(code INTEGER PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE onet_tech(               -- Technology Skills: occupation x technology
  code TEXT NOT NULL, example_id INTEGER NOT NULL, commodity_code INTEGER NOT NULL,
  in_demand INTEGER NOT NULL, PRIMARY KEY(code, example_id)
) WITHOUT ROWID;
CREATE INDEX onet_tech_by_example ON onet_tech(example_id);
CREATE TABLE onet_interest(           -- RIASEC occupational interests, 1-7 scale
  code TEXT PRIMARY KEY, r REAL NOT NULL, i REAL NOT NULL, a REAL NOT NULL,
  s REAL NOT NULL, e REAL NOT NULL, c REAL NOT NULL,
  high_point TEXT NOT NULL            -- e.g. 'IC': first, second, third high-point letters
) WITHOUT ROWID;
CREATE TABLE onet_job_zone(
  zone INTEGER PRIMARY KEY, name TEXT NOT NULL, experience TEXT, education TEXT,
  training TEXT, examples TEXT, svp_range TEXT
);
CREATE TABLE onet_related(
  code TEXT NOT NULL, idx INTEGER NOT NULL, related_code TEXT NOT NULL, tier TEXT NOT NULL,
  PRIMARY KEY(code, idx)
) WITHOUT ROWID;
CREATE TABLE onet_task(
  code TEXT NOT NULL, task_id INTEGER NOT NULL, task TEXT NOT NULL, task_type TEXT,
  PRIMARY KEY(code, task_id)
) WITHOUT ROWID;
CREATE TABLE onet_education_level(
  category INTEGER PRIMARY KEY, label TEXT NOT NULL
);
CREATE TABLE onet_education(          -- share (%) of incumbents by required education level
  code TEXT NOT NULL, category INTEGER NOT NULL, pct REAL NOT NULL,
  PRIMARY KEY(code, category)
) WITHOUT ROWID;
"""


def _yn(v: str) -> int:
    return int(v.strip().upper() == "Y")


def build_onet(db: sqlite3.Connection, shared: Path) -> Counts:
    d = shared / "onet-29.3"
    txt, xl = d / "text", d / "xlsx_converted"
    db.executescript(ONET_DDL)
    zones = {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in read_tsv(txt / "Job Zones.txt")}
    occ = sorted(read_tsv(txt / "Occupation Data.txt"), key=lambda r: r["O*NET-SOC Code"])
    db.executemany(
        "INSERT INTO onet_occupation VALUES (?,?,?,?)",
        [
            (
                r["O*NET-SOC Code"],
                r["Title"],
                " ".join(r["Description"].split()),
                zones.get(r["O*NET-SOC Code"]),
            )
            for r in occ
        ],
    )
    titles: dict[tuple[str, str, str], str | None] = {}
    for r in read_tsv(xl / "Alternate Titles.txt"):
        key = (r["O*NET-SOC Code"], "alternate", r["Alternate Title"].strip())
        titles[key] = titles.get(key) or (r["Short Title"].strip() or None)
    for r in read_tsv(txt / "Sample of Reported Titles.txt"):
        titles[(r["O*NET-SOC Code"], "reported", r["Reported Job Title"].strip())] = None
    db.executemany(
        "INSERT INTO onet_title VALUES (?,?,?,?)",
        [(c, k, t, s) for (c, k, t), s in sorted(titles.items())],
    )
    raw = list(read_tsv(txt / "Technology Skills.txt"))
    names = sorted({r["Example"].strip() for r in raw})
    eid = {n: i for i, n in enumerate(names, 1)}
    hot: dict[str, int] = {}
    occs: dict[str, set[str]] = {n: set() for n in names}
    demand: dict[str, set[str]] = {n: set() for n in names}
    commodities: dict[int, str] = {}
    tech = []
    for r in raw:
        n, code = r["Example"].strip(), r["O*NET-SOC Code"]
        hot[n] = max(hot.get(n, 0), _yn(r["Hot Technology"]))
        occs[n].add(code)
        if _yn(r["In Demand"]):
            demand[n].add(code)
        commodities[int(r["Commodity Code"])] = r["Commodity Title"].strip()
        tech.append((code, eid[n], int(r["Commodity Code"]), _yn(r["In Demand"])))
    db.executemany(
        "INSERT INTO onet_tech_example VALUES (?,?,?,?,?)",
        [(eid[n], n, hot[n], len(occs[n]), len(demand[n])) for n in names],
    )
    db.executemany("INSERT INTO onet_commodity VALUES (?,?)", sorted(commodities.items()))
    db.executemany("INSERT INTO onet_tech VALUES (?,?,?,?)", sorted(tech))

    scores: dict[str, dict[str, float]] = {}
    for r in read_tsv(txt / "Interests.txt"):
        s = scores.setdefault(r["O*NET-SOC Code"], {})
        s[r["Element Name"]] = float(r["Data Value"])
    irows = []
    for code, s in sorted(scores.items()):
        hp = ""
        for k in ("First", "Second", "Third"):
            v = int(s.get(f"{k} Interest High-Point", 0))
            hp += "RIASEC"[v - 1] if 1 <= v <= 6 else ""
        irows.append((code, *(s[n] for n in _RIASEC_NAMES), hp))
    db.executemany("INSERT INTO onet_interest VALUES (?,?,?,?,?,?,?,?)", irows)

    db.executemany(
        "INSERT INTO onet_job_zone VALUES (?,?,?,?,?,?,?)",
        sorted(
            (
                int(r["Job Zone"]),
                r["Name"],
                r["Experience"],
                r["Education"],
                r["Job Training"],
                r["Examples"],
                r["SVP Range"],
            )
            for r in read_tsv(txt / "Job Zone Reference.txt")
        ),
    )
    db.executemany(
        "INSERT INTO onet_related VALUES (?,?,?,?)",
        sorted(
            (
                r["O*NET-SOC Code"],
                int(r["Index"]),
                r["Related O*NET-SOC Code"],
                r["Relatedness Tier"],
            )
            for r in read_tsv(txt / "Related Occupations.txt")
        ),
    )
    db.executemany(
        "INSERT INTO onet_task VALUES (?,?,?,?)",
        sorted(
            (
                r["O*NET-SOC Code"],
                int(r["Task ID"]),
                " ".join(r["Task"].split()),
                r["Task Type"] or None,
            )
            for r in read_tsv(txt / "Task Statements.txt")
        ),
    )
    levels = [
        (int(r["Category"]), r["Category Description"].split(" - ")[0].strip())
        for r in read_tsv(txt / "Education, Training, and Experience Categories.txt")
        if r["Scale ID"] == "RL"
    ]
    db.executemany("INSERT INTO onet_education_level VALUES (?,?)", sorted(levels))
    edu = sorted(
        (r["O*NET-SOC Code"], int(r["Category"]), float(r["Data Value"]))
        for r in read_tsv(xl / "Education, Training, and Experience.txt")
        if r["Scale ID"] == "RL" and r["Category"]
    )
    db.executemany("INSERT INTO onet_education VALUES (?,?,?)", edu)
    return {
        t: count(db, t)
        for t in (
            "onet_occupation",
            "onet_title",
            "onet_tech_example",
            "onet_commodity",
            "onet_tech",
            "onet_interest",
            "onet_job_zone",
            "onet_related",
            "onet_task",
            "onet_education_level",
            "onet_education",
        )
    }


# ------------------------------------------------------------------- crosswalk, GenAI score
NESTA_DDL = """
CREATE TABLE esco_onet_crosswalk(
  esco_uri TEXT PRIMARY KEY, onet_code_2010 TEXT NOT NULL, onet_title_2010 TEXT NOT NULL,
  confidence REAL NOT NULL,           -- Nesta: 0.5, 1 or 2 (highest)
  similarity REAL,
  onet_code TEXT,                     -- the O*NET 29.3 occupation, where one was found
  mapped_by TEXT                      -- 'same-code' | 'same-title' | NULL (not carried)
) WITHOUT ROWID;
"""


def build_nesta(db: sqlite3.Connection, shared: Path) -> Counts:
    db.executescript(NESTA_DDL)
    onet = dict(db.execute("SELECT code, lower(title) FROM onet_occupation").fetchall())
    by_title: dict[str, str] = {}
    for code, title in sorted(onet.items()):
        by_title.setdefault(title, code)
    rows = []
    path = shared / "nesta-esco-onet-crosswalk" / "esco_onet_crosswalk_Nov2020.csv"
    for r in sorted(read_csv(path), key=lambda r: r["concept_uri"]):
        code10, title10 = r["onet_code"].strip(), r["onet_occupation"].strip()
        if code10 in onet:
            code, how = code10, "same-code"
        elif title10.lower() in by_title:
            code, how = by_title[title10.lower()], "same-title"
        else:
            code, how = None, None
        sim = float(r["semantic_similarity"]) if r["semantic_similarity"] else None
        rows.append((r["concept_uri"], code10, title10, float(r["confidence"]), sim, code, how))
    db.executemany("INSERT INTO esco_onet_crosswalk VALUES (?,?,?,?,?,?,?)", rows)
    return {"esco_onet_crosswalk": count(db, "esco_onet_crosswalk")}


def build_msai(db: sqlite3.Connection, shared: Path) -> Counts:
    db.execute(
        "CREATE TABLE genai_applicability(soc TEXT PRIMARY KEY, title TEXT NOT NULL, "
        "score REAL NOT NULL) WITHOUT ROWID"
    )
    path = shared / "ms-working-with-ai" / "soc_ai_applicability_scores.csv"
    rows = sorted(
        (r["SOC Code"].strip(), r["title"].strip(), float(r["ai_applicability_score"]))
        for r in read_csv(path)
    )
    db.executemany("INSERT INTO genai_applicability VALUES (?,?,?)", rows)
    return {"genai_applicability": count(db, "genai_applicability")}
