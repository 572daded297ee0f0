"""A career advisor's pages (server mode): cohorts, the cohort table, importing a class
list from CSV, and notes per learner. An advisor sees only the learners who share with
one of their cohorts; every id in a path is checked by the store against the advisor."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from careermap.api.deps import CsrfChecked
from careermap.errors import CareermapError, InputError, NotFoundError
from careermap.web.deps import advisor
from careermap.web.forms import read_form, text, upload
from careermap.web.render import page
from careermap.web.routing import PageRoute, see_other
from careermap.web.visit import Visit

if TYPE_CHECKING:
    from careermap.store.records import Cohort, ImportReport

__all__ = ["router"]

router = APIRouter(route_class=PageRoute)
AdvisorDep = Annotated[Visit, Depends(advisor)]
#: the largest class list taken, in bytes
MAX_CSV = 1024 * 1024


def _cohort(visit: Visit, cohort_id: int) -> Cohort:
    assert visit.user is not None
    for cohort in visit.store.cohorts(visit.user.id):
        if cohort.id == cohort_id:
            return cohort
    raise NotFoundError("no such cohort.", hint="Your cohorts are listed at /cohorts.")


@router.get("/cohorts", response_class=HTMLResponse)
def cohorts_page(request: Request, visit: AdvisorDep) -> Response:
    assert visit.user is not None
    cohorts = visit.store.cohorts(visit.user.id)
    return page(request, "cohorts.html", visit.context("cohorts", cohorts=cohorts, error=None))


@router.post("/cohorts", response_class=HTMLResponse, dependencies=[CsrfChecked])
async def create_cohort(request: Request, visit: AdvisorDep) -> Response:
    assert visit.user is not None
    form = await read_form(request, max_fields=10)
    name = text(form, "name", limit=200)
    try:
        cohort = await run_in_threadpool(visit.store.create_cohort, visit.user.id, name)
    except InputError as exc:
        cohorts = await run_in_threadpool(visit.store.cohorts, visit.user.id)
        context = visit.context("cohorts", cohorts=cohorts, error=exc)
        return page(request, "cohorts.html", context, status=422)
    return see_other(f"/cohorts/{cohort.id}")


def _cohort_page(
    request: Request,
    visit: Visit,
    cohort_id: int,
    *,
    report: ImportReport | None = None,
    error: CareermapError | None = None,
    status: int = 200,
) -> Response:
    assert visit.user is not None
    cohort = _cohort(visit, cohort_id)
    learners = visit.store.cohort_learners(visit.user.id, cohort.id)
    context: dict[str, Any] = visit.context(
        "cohorts", cohort=cohort, learners=learners, report=report, error=error
    )
    return page(request, "cohort.html", context, status=status)


@router.get("/cohorts/{cohort_id}", response_class=HTMLResponse)
def cohort_page(request: Request, cohort_id: int, visit: AdvisorDep) -> Response:
    return _cohort_page(request, visit, cohort_id)


@router.post("/cohorts/{cohort_id}/import", response_class=HTMLResponse, dependencies=[CsrfChecked])
async def import_learners(request: Request, cohort_id: int, visit: AdvisorDep) -> Response:
    """A class list (CSV with a header row ``email,name``), uploaded or pasted. The page
    answers with what was done row by row, and the one-time passwords, shown this once."""
    assert visit.user is not None
    advisor_id = visit.user.id
    await run_in_threadpool(_cohort, visit, cohort_id)
    form = await read_form(request, max_fields=10)
    sent = await upload(form, file_field="file", text_field="csv", default_name="class list")
    try:
        if sent is None:
            raise InputError("give the class list: choose a CSV file or paste it.")
        if len(sent.data) > MAX_CSV:
            raise InputError("the class list is larger than 1 MB.", hint="Split it in parts.")
        try:
            csv_text = sent.data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(
                "the class list is not UTF-8 text.",
                hint="Save it from your spreadsheet as CSV UTF-8.",
            ) from None
        report = await run_in_threadpool(
            visit.store.import_learners, advisor_id, cohort_id, csv_text
        )
    except InputError as exc:
        failed = partial(_cohort_page, request, visit, cohort_id, error=exc, status=422)
        return await run_in_threadpool(failed)
    return await run_in_threadpool(partial(_cohort_page, request, visit, cohort_id, report=report))


def _learner(visit: Visit, cohort_id: int, learner_id: int) -> Any:
    assert visit.user is not None
    for row in visit.store.cohort_learners(visit.user.id, cohort_id):
        if row.user_id == learner_id:
            return row
    raise NotFoundError("no such learner in this cohort, or they do not share with it.")


def _learner_page(
    request: Request,
    visit: Visit,
    cohort_id: int,
    learner_id: int,
    *,
    error: CareermapError | None = None,
    status: int = 200,
) -> Response:
    assert visit.user is not None
    cohort = _cohort(visit, cohort_id)
    learner = _learner(visit, cohort.id, learner_id)
    notes = visit.store.notes(visit.user.id, learner_id)
    context = visit.context("cohorts", cohort=cohort, learner=learner, notes=notes, error=error)
    return page(request, "learner.html", context, status=status)


@router.get("/cohorts/{cohort_id}/learners/{learner_id}", response_class=HTMLResponse)
def learner_page(request: Request, cohort_id: int, learner_id: int, visit: AdvisorDep) -> Response:
    return _learner_page(request, visit, cohort_id, learner_id)


@router.post(
    "/cohorts/{cohort_id}/learners/{learner_id}/notes",
    response_class=HTMLResponse,
    dependencies=[CsrfChecked],
)
async def add_note(
    request: Request, cohort_id: int, learner_id: int, visit: AdvisorDep
) -> Response:
    assert visit.user is not None
    advisor_id = visit.user.id
    await run_in_threadpool(lambda: _learner(visit, _cohort(visit, cohort_id).id, learner_id))
    form = await read_form(request, max_fields=10)
    note = text(form, "text", limit=10_000)
    try:
        await run_in_threadpool(visit.store.add_note, advisor_id, learner_id, note)
    except InputError as exc:
        failed = partial(
            _learner_page, request, visit, cohort_id, learner_id, error=exc, status=422
        )
        return await run_in_threadpool(failed)
    return see_other(f"/cohorts/{cohort_id}/learners/{learner_id}#notes")
