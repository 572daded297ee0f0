"""The API against its own OpenAPI document, with schemathesis: for every operation,
requests generated from the schema (valid ones and invalid ones) must get an answer the
document describes: never a server error, a status the operation documents, a body of the
documented schema, schema-valid requests accepted and schema-invalid ones refused.

In-process over ASGI against a temp SQLite store, in local mode (every request acts as
the local user, with the double-submit CSRF cookie and header a browser page would send).
Bounded for the suite: a few examples per operation. The longer run for the bench, with
schemathesis's coverage phase (boundary values of every field) as well:
``CAREERMAP_OPENAPI_EXAMPLES=100 pytest tests/test_openapi.py``.

Where an answer depends on what no schema can say (that a file is a readable résumé, that a
plan's dates are not in the past, that a place name is one careermap knows), the API answers
422 with the one error shape, and those operations list 422 as an expected answer to
schema-valid data; every other operation must accept what its schema allows.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from careermap.api import create_app
from careermap.store import Store

EXAMPLES = int(os.environ.get("CAREERMAP_OPENAPI_EXAMPLES", "3"))
LONG = EXAMPLES > 3
TOKEN = "schemathesis-csrf-token-0123456789abcdef"
HOST = "127.0.0.1"  # local mode answers on loopback names only
HEADERS = {"Host": HOST, "X-CSRF-Token": TOKEN, "Cookie": f"careermap_csrf={TOKEN}"}

#: what a schema cannot say: a readable document (read, start), a valid class list
#: (import), dates in the future and a time box that fits (plan options), a place careermap
#: knows (salary)
SEMANTIC = [
    "/api/v1/read",
    "/api/v1/start",
    "/api/v1/plan",
    "/api/v1/plans",
    "/api/v1/cohorts/{cohort_id}/import",
    "/api/v1/salary/{role_id}",
]
POSITIVE_OK = ["2xx", "3xx", "401", "403", "404", "409", "429"]

_home = Path(tempfile.mkdtemp(prefix="careermap-openapi-"))
_store = Store(f"sqlite:///{_home / 'careermap.db'}")
_store.migrate()
app = create_app(store=_store)

config = schemathesis.Config.from_dict(
    {
        "headers": HEADERS,
        "generation": {"max-examples": EXAMPLES},
        # the coverage phase's boundary cases run to thousands of requests: the bench's
        # longer run has them, the suite keeps to the generated examples
        "phases": {"coverage": {"enabled": LONG}},
        "operations": [
            {
                "include-path": path,
                "checks": {
                    "positive_data_acceptance": {"expected-statuses": [*POSITIVE_OK, "422"]}
                },
            }
            for path in SEMANTIC
        ],
    }
)
schema = schemathesis.openapi.from_asgi(
    "/api/v1/openapi.json", app, headers={"Host": HOST}, config=config
)


@pytest.fixture(autouse=True, scope="module")
def _close_store() -> Any:
    yield
    _store.close()


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck), max_examples=EXAMPLES)
def test_api_answers_as_its_openapi_document_says(case: schemathesis.Case) -> None:
    case.call_and_validate(headers=HEADERS)


def test_the_document_covers_every_api_route() -> None:
    doc = app.openapi()
    routes = {
        getattr(r, "path", "")
        for r in app.routes
        if getattr(r, "path", "").startswith(("/api/", "/cal/"))
        and getattr(r, "include_in_schema", False)
    }
    assert routes - {"/api/v1/openapi.json"} <= set(doc["paths"])
    for path, item in doc["paths"].items():
        for method, op in item.items():
            assert "422" in op["responses"] or method == "get", (method, path)
            assert op["responses"].get("500", {}).get("description"), (method, path)
