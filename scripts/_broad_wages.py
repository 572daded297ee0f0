"""BLS OEWS wages and the aijobs.net salary index -> broad.sqlite tables.

Helpers of scripts/build_broad.py (see _broad_sources.py for the other data sets).
"""

from __future__ import annotations

import sqlite3
import sys
from collections import Counter
from pathlib import Path

from _broad_sources import Counts, count, read_csv

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from careermap.knowledge.titles import load_title_rules

__all__ = ["METRO_GROUPS", "build_aijobs", "build_oews"]

# SOC major groups kept for metro and nonmetro areas (national and state rows keep all):
# management, business and financial, computer and mathematical, life/physical/social
# science, arts/design/media/communication: the groups of careermap's roles' SOC codes.
METRO_GROUPS = ("11", "13", "15", "19", "27")

# OEWS flags (bit mask): values BLS publishes as '-' are stored as NULL and flagged.
EMPLOYMENT_SUPPRESSED, ANNUAL_SUPPRESSED, HOURLY_SUPPRESSED = 1, 2, 4

STATE_ABBR = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "66": "GU", "72": "PR", "78": "VI",
}  # fmt: skip

# ISO 3166-1 alpha-2 codes found in the aijobs data, with English short names and the
# other names people type. The build fails on a code missing here.
COUNTRIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "AD": ("Andorra", ()), "AE": ("United Arab Emirates", ("UAE",)),
    "AM": ("Armenia", ()), "AR": ("Argentina", ()), "AS": ("American Samoa", ()),
    "AT": ("Austria", ()), "AU": ("Australia", ()),
    "BA": ("Bosnia and Herzegovina", ("Bosnia",)), "BE": ("Belgium", ()),
    "BG": ("Bulgaria", ()), "BM": ("Bermuda", ()), "BO": ("Bolivia", ()),
    "BR": ("Brazil", ()), "BS": ("Bahamas", ()), "CA": ("Canada", ()),
    "CD": ("Democratic Republic of the Congo", ("DR Congo", "DRC")),
    "CF": ("Central African Republic", ()), "CH": ("Switzerland", ()),
    "CL": ("Chile", ()), "CN": ("China", ()), "CO": ("Colombia", ()),
    "CR": ("Costa Rica", ()), "CY": ("Cyprus", ()), "CZ": ("Czechia", ("Czech Republic",)),
    "DE": ("Germany", ()), "DK": ("Denmark", ()), "DO": ("Dominican Republic", ()),
    "DZ": ("Algeria", ()), "EC": ("Ecuador", ()), "EE": ("Estonia", ()),
    "EG": ("Egypt", ()), "ES": ("Spain", ()), "FI": ("Finland", ()), "FR": ("France", ()),
    "GB": ("United Kingdom", ("UK", "Great Britain", "Britain", "England", "Scotland", "Wales")),
    "GE": ("Georgia", ()), "GH": ("Ghana", ()), "GI": ("Gibraltar", ()),
    "GR": ("Greece", ()), "HK": ("Hong Kong", ()), "HN": ("Honduras", ()),
    "HR": ("Croatia", ()), "HU": ("Hungary", ()), "ID": ("Indonesia", ()),
    "IE": ("Ireland", ()), "IL": ("Israel", ()), "IN": ("India", ()), "IQ": ("Iraq", ()),
    "IR": ("Iran", ()), "IT": ("Italy", ()), "JE": ("Jersey", ()), "JP": ("Japan", ()),
    "KE": ("Kenya", ()), "KR": ("South Korea", ("Korea", "Republic of Korea")),
    "KW": ("Kuwait", ()), "LB": ("Lebanon", ()), "LT": ("Lithuania", ()),
    "LU": ("Luxembourg", ()), "LV": ("Latvia", ()), "MD": ("Moldova", ()),
    "MT": ("Malta", ()), "MU": ("Mauritius", ()), "MX": ("Mexico", ()),
    "MY": ("Malaysia", ()), "NG": ("Nigeria", ()), "NL": ("Netherlands", ("Holland",)),
    "NO": ("Norway", ()), "NZ": ("New Zealand", ()), "OM": ("Oman", ()), "PE": ("Peru", ()),
    "PH": ("Philippines", ()), "PK": ("Pakistan", ()), "PL": ("Poland", ()),
    "PR": ("Puerto Rico", ()), "PT": ("Portugal", ()), "QA": ("Qatar", ()),
    "RO": ("Romania", ()), "RS": ("Serbia", ()), "RU": ("Russia", ("Russian Federation",)),
    "RW": ("Rwanda", ()), "SA": ("Saudi Arabia", ()), "SE": ("Sweden", ()),
    "SG": ("Singapore", ()), "SI": ("Slovenia", ()), "SK": ("Slovakia", ()),
    "SV": ("El Salvador", ()), "TH": ("Thailand", ()), "TN": ("Tunisia", ()),
    "TR": ("Türkiye", ("Turkey",)), "UA": ("Ukraine", ()), "UG": ("Uganda", ()),
    "US": ("United States", ("USA", "United States of America", "America", "U.S.", "U.S.A.")),
    "UZ": ("Uzbekistan", ()), "VE": ("Venezuela", ()), "VN": ("Vietnam", ("Viet Nam",)),
    "ZA": ("South Africa", ()),
}  # fmt: skip

# ISO 4217 code of each country's currency in 2020-2025, the survey's years: survey pay in a
# country is also shown in this currency, from the rows reported in it. The build fails on
# a country missing here.
CURRENCIES: dict[str, str] = {
    "AD": "EUR", "AE": "AED", "AM": "AMD", "AR": "ARS", "AS": "USD", "AT": "EUR", "AU": "AUD",
    "BA": "BAM", "BE": "EUR", "BG": "BGN", "BM": "BMD", "BO": "BOB", "BR": "BRL", "BS": "BSD",
    "CA": "CAD", "CD": "CDF", "CF": "XAF", "CH": "CHF", "CL": "CLP", "CN": "CNY", "CO": "COP",
    "CR": "CRC", "CY": "EUR", "CZ": "CZK", "DE": "EUR", "DK": "DKK", "DO": "DOP", "DZ": "DZD",
    "EC": "USD", "EE": "EUR", "EG": "EGP", "ES": "EUR", "FI": "EUR", "FR": "EUR", "GB": "GBP",
    "GE": "GEL", "GH": "GHS", "GI": "GIP", "GR": "EUR", "HK": "HKD", "HN": "HNL", "HR": "EUR",
    "HU": "HUF", "ID": "IDR", "IE": "EUR", "IL": "ILS", "IN": "INR", "IQ": "IQD", "IR": "IRR",
    "IT": "EUR", "JE": "GBP", "JP": "JPY", "KE": "KES", "KR": "KRW", "KW": "KWD", "LB": "LBP",
    "LT": "EUR", "LU": "EUR", "LV": "EUR", "MD": "MDL", "MT": "EUR", "MU": "MUR", "MX": "MXN",
    "MY": "MYR", "NG": "NGN", "NL": "EUR", "NO": "NOK", "NZ": "NZD", "OM": "OMR", "PE": "PEN",
    "PH": "PHP", "PK": "PKR", "PL": "PLN", "PR": "USD", "PT": "EUR", "QA": "QAR", "RO": "RON",
    "RS": "RSD", "RU": "RUB", "RW": "RWF", "SA": "SAR", "SE": "SEK", "SG": "SGD", "SI": "EUR",
    "SK": "EUR", "SV": "USD", "TH": "THB", "TN": "TND", "TR": "TRY", "UA": "UAH", "UG": "UGX",
    "US": "USD", "UZ": "UZS", "VE": "VES", "VN": "VND", "ZA": "ZAR",
}  # fmt: skip

OEWS_DDL = """
CREATE TABLE oews_area(              -- code: BLS area code as a number ('0641860' -> 641860)
  code INTEGER PRIMARY KEY, kind TEXT NOT NULL,  -- national | state | metro | nonmetro
  name TEXT NOT NULL, state_code TEXT, state_abbr TEXT
);
CREATE TABLE oews_occupation(
  soc TEXT PRIMARY KEY, title TEXT NOT NULL, level INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE oews_wage(               -- yearly USD; NULL where BLS publishes '-' (see flags)
  soc TEXT NOT NULL, area_code INTEGER NOT NULL,
  employment INTEGER,
  a_mean INTEGER, a_pct10 INTEGER, a_pct25 INTEGER, a_median INTEGER,
  a_pct75 INTEGER, a_pct90 INTEGER,
  h_median REAL,                      -- hourly median, kept only where annual wages are withheld
  flags INTEGER NOT NULL,             -- 1 employment, 2 annual wages, 4 hourly wages withheld
  PRIMARY KEY(soc, area_code)
) WITHOUT ROWID;
"""

_ANNUAL = ("a_mean", "a_pct10", "a_pct25", "a_median", "a_pct75", "a_pct90")


def _num(v: str) -> float | None:
    return None if v in ("", "-") else float(v)


def _int(v: str) -> int | None:
    return None if v in ("", "-") else int(float(v))


def _kind(area_type: str, name: str) -> str:
    if area_type == "N":
        return "national"
    if area_type == "S":
        return "state"
    return "nonmetro" if "nonmetropolitan" in name.lower() else "metro"


def build_oews(db: sqlite3.Connection, shared: Path) -> Counts:
    db.executescript(OEWS_DDL)
    areas: dict[str, tuple[str, str, str, str | None, str | None]] = {}
    occs: dict[str, tuple[str, int]] = {}
    rows = []
    path = shared / "oews-2025" / "oews_may2025_all_industries_by_area.csv"
    for r in read_csv(path):
        code, soc, level = int(r["area_code"]), r["occ_code"], int(r["occ_level"])
        if code not in areas:
            st = r["state_code"] if r["area_type"] != "N" else None
            abbr = STATE_ABBR.get(st) if st else None
            areas[code] = (code, _kind(r["area_type"], r["area_name"]), r["area_name"], st, abbr)
        occs.setdefault(soc, (r["occ_title"], level))
        if r["area_type"] == "M" and level != 0 and soc[:2] not in METRO_GROUPS:
            continue
        flags = (
            EMPLOYMENT_SUPPRESSED * (r["employment"] == "-")
            | ANNUAL_SUPPRESSED * any(r[k] == "-" for k in _ANNUAL)
            | HOURLY_SUPPRESSED * (r["h_median"] == "-" or r["h_mean"] == "-")
        )
        hourly = _num(r["h_median"]) if flags & ANNUAL_SUPPRESSED else None
        rows.append(
            (soc, code, _int(r["employment"]), *(_int(r[k]) for k in _ANNUAL), hourly, flags)
        )
    rows.sort(key=lambda t: (t[0], t[1]))
    db.executemany("INSERT INTO oews_area VALUES (?,?,?,?,?)", sorted(areas.values()))
    db.executemany(
        "INSERT INTO oews_occupation VALUES (?,?,?)",
        sorted((s, t, lv) for s, (t, lv) in occs.items()),
    )
    db.executemany(f"INSERT INTO oews_wage VALUES ({','.join('?' * 11)})", rows)
    return {t: count(db, t) for t in ("oews_area", "oews_occupation", "oews_wage")}


AIJOBS_DDL = """
CREATE TABLE country(
  code TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL,  -- '|'-separated
  salary_rows INTEGER NOT NULL,       -- aijobs rows with the company in this country
  currency TEXT NOT NULL              -- ISO 4217 code of the country's currency
) WITHOUT ROWID;
CREATE TABLE aijobs_title(
  id INTEGER PRIMARY KEY, title TEXT NOT NULL UNIQUE,
  role_id TEXT, fit TEXT, rule INTEGER,  -- by title_rules.yaml; NULL when no rule matches
  n INTEGER NOT NULL                     -- rows with this title
);
CREATE INDEX aijobs_title_by_role ON aijobs_title(role_id);
CREATE TABLE aijobs_salary(           -- clustered by title and year for role queries
  title_id INTEGER NOT NULL REFERENCES aijobs_title(id), work_year INTEGER NOT NULL,
  id INTEGER NOT NULL,                -- row number in salaries.csv
  experience_level TEXT NOT NULL, employment_type TEXT NOT NULL,
  salary_in_usd INTEGER NOT NULL, employee_residence TEXT NOT NULL,
  remote_ratio INTEGER NOT NULL, company_location TEXT NOT NULL, company_size TEXT NOT NULL,
  salary_currency TEXT NOT NULL,      -- the currency the salary was reported in (ISO 4217)
  salary INTEGER,                     -- the salary as reported; NULL for USD (= salary_in_usd)
  PRIMARY KEY(title_id, work_year, id)
) WITHOUT ROWID;
CREATE VIEW aijobs AS
  SELECT s.id, s.work_year, s.experience_level, s.employment_type, t.title AS job_title,
         s.salary_in_usd, s.employee_residence, s.remote_ratio, s.company_location,
         s.company_size, t.role_id, t.fit, s.salary_currency,
         coalesce(s.salary, s.salary_in_usd) AS salary
  FROM aijobs_salary s JOIN aijobs_title t ON t.id = s.title_id;
"""


def build_aijobs(db: sqlite3.Connection, shared: Path) -> Counts:
    db.executescript(AIJOBS_DDL)
    raw = list(read_csv(shared / "aijobs-salaries" / "salaries.csv"))
    used = {r["company_location"] for r in raw} | {r["employee_residence"] for r in raw}
    missing = sorted(used - COUNTRIES.keys())
    if missing:
        raise SystemExit(f"error: add these country codes to COUNTRIES: {missing}")
    no_currency = sorted(COUNTRIES.keys() - CURRENCIES.keys())
    if no_currency:
        raise SystemExit(f"error: add these country codes to CURRENCIES: {no_currency}")
    located = Counter(r["company_location"] for r in raw)
    db.executemany(
        "INSERT INTO country VALUES (?,?,?,?,?)",
        sorted((c, n, "|".join(a), located[c], CURRENCIES[c]) for c, (n, a) in COUNTRIES.items()),
    )
    rules = load_title_rules()
    titles = Counter(" ".join(r["job_title"].split()) for r in raw)
    tid: dict[str, int] = {}
    trows = []
    for i, title in enumerate(sorted(titles), 1):
        tid[title] = i
        m = rules.match(title)
        trows.append(
            (i, title, m.role if m else None, m.fit if m else None, m.rule if m else None,
             titles[title])
        )  # fmt: skip
    db.executemany("INSERT INTO aijobs_title VALUES (?,?,?,?,?,?)", trows)
    db.executemany(
        "INSERT INTO aijobs_salary VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        sorted(
            (
                tid[" ".join(r["job_title"].split())], int(r["work_year"]), i,
                r["experience_level"], r["employment_type"], int(r["salary_in_usd"]),
                r["employee_residence"], int(r["remote_ratio"]), r["company_location"],
                r["company_size"], r["salary_currency"], _reported(r),
            )
            for i, r in enumerate(raw, 1)
        ),
    )  # fmt: skip
    _report_mapping(db)
    return {t: count(db, t) for t in ("country", "aijobs_title", "aijobs_salary")}


def _reported(row: dict[str, str]) -> int | None:
    """The salary as reported, or None where it is in USD and so equals salary_in_usd."""
    salary = int(row["salary"])
    if row["salary_currency"] == "USD" and salary == int(row["salary_in_usd"]):
        return None
    return salary


def _report_mapping(db: sqlite3.Connection) -> None:
    print("  aijobs title -> role (rows / distinct titles):")
    q = (
        "SELECT coalesce(role_id, '(unmapped)'), coalesce(fit, ''), sum(n), count(*) "
        "FROM aijobs_title GROUP BY 1, 2 ORDER BY 1, 2"
    )
    for role, fit, n, k in db.execute(q):
        print(f"    {role:<22}{fit:<7}{n:>8,} rows {k:>5} titles")
