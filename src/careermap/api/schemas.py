"""Request and response bodies of the REST API (they make its OpenAPI document).

Inputs are strict (unknown fields refused); outputs reuse careermap's own models (Profile,
MatchReport, Gap, Plan, the knowledge base's records) so the API says what the core says.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Path
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

from careermap.documents import Document
from careermap.knowledge.salary import SalaryReport
from careermap.knowledge.schemas import (
    Certification,
    Course,
    Level,
    MarketFact,
    PortfolioProject,
    Role,
    Skill,
    Source,
)
from careermap.match import Gap, MatchReport
from careermap.plan import Plan
from careermap.profile import Profile
from careermap.service import Pay, PlanOptions, Target, WeekTask

__all__ = [
    "AnswersIn",
    "CohortIn",
    "CohortOut",
    "CsrfOut",
    "DocumentInfo",
    "GapIn",
    "ImportOut",
    "JoinIn",
    "LearnerOut",
    "MatchIn",
    "MeOut",
    "MentionOut",
    "NoteIn",
    "NoteOut",
    "PasswordIn",
    "PersonIn",
    "PlanIn",
    "PlanRecordOut",
    "PlanSummary",
    "ProfileRecordOut",
    "ProfileSummary",
    "ProgressOut",
    "QuizScoreIn",
    "QuizScoreOut",
    "ReadOut",
    "RecordId",
    "RoleDetail",
    "RoleSkillOut",
    "RoleSummary",
    "SavePlanIn",
    "SharingIn",
    "SignIn",
    "SkillDetail",
    "SkillSummary",
    "SourceOut",
    "StartIn",
    "StartOut",
    "TextIn",
    "UserIn",
    "UserOut",
]


def _not_a_boolean(value: object) -> object:
    """JSON true/false is no quiz answer (pydantic's int would take it as 1/0)."""
    if isinstance(value, bool):
        raise ValueError("takes a whole number from 1 to 5, or a level name; not true/false")
    return value


Answer = Annotated[int | str | None, BeforeValidator(_not_a_boolean)]
#: ids are 32-bit: what every database careermap runs on stores in an integer column
MAX_ID = 2**31 - 1
RecordId = Annotated[int, Path(ge=1, le=MAX_ID, description="the record's id")]
M = TypeVar("M", bound=BaseModel)


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---------------------------------------------------------------- documents


class TextIn(_In):
    """A résumé pasted as text (instead of a file upload)."""

    text: str = Field(min_length=1, description="the résumé's text (Markdown or plain)")
    name: str | None = Field(default=None, max_length=200, description="what to call it")


class DocumentInfo(BaseModel):
    """What careermap read: the document's name, format, size, pages and sections."""

    name: str
    format: str
    size_bytes: int
    pages: int | None = None
    characters: int
    sections: list[str] = Field(description="section kinds found, in order")
    warnings: list[str] = Field(default_factory=list, description="what the reader skipped")

    @classmethod
    def of(cls, doc: Document) -> DocumentInfo:
        return cls(
            name=doc.metadata.source,
            format=doc.format,
            size_bytes=doc.metadata.size_bytes,
            pages=doc.metadata.pages,
            characters=len(doc.text),
            sections=[s.kind for s in doc.sections],
            warnings=list(doc.metadata.warnings),
        )


class MentionOut(BaseModel):
    """One skill mention in the document, with its sentence."""

    skill: str
    label: str
    taxonomy: str
    method: str
    text: str
    sentence: str
    start: int
    end: int
    confidence: float
    level: Level | None = None
    years: float | None = None
    negated: bool = False
    section: str | None = None


class ReadOut(BaseModel):
    """The profile careermap read from a document, and the document it read."""

    profile_id: int = Field(description="the saved profile; use it in match, gap and plan")
    kept_document: bool = Field(description="whether the document's bytes were stored")
    document: DocumentInfo
    profile: Profile


# ---------------------------------------------------------------- quiz


def _items() -> dict[str, tuple[bool, str]]:
    """Quiz item id -> (is a self-rating, its text)."""
    from careermap.quiz import SelfRatingItem, load_items

    return {i.id: (isinstance(i, SelfRatingItem), i.text) for i in load_items().all()}


def answers_schema(*, partial: bool) -> dict[str, Any]:
    """The JSON schema of quiz answers: every item with the values it takes."""
    from careermap.quiz import RATING_VALUES

    props: dict[str, Any] = {}
    required = []
    for item, (rating, text) in _items().items():
        if rating:
            props[item] = {"enum": [*RATING_VALUES, None], "description": text}
        else:
            props[item] = {"type": "integer", "minimum": 1, "maximum": 5, "description": text}
            required.append(item)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": props,
        "additionalProperties": False,
        "description": "quiz item id -> answer: 1 (strongly dislike / disagree) to 5 "
        "(strongly like / agree) for interests and work styles; none, foundational, "
        "intermediate, advanced (or null) for self-ratings"
        + ("" if partial else "; every interest and work-style item is required"),
    }
    if not partial:
        schema["required"] = required
    return schema


def check_answers(value: dict[str, Answer], *, partial: bool) -> dict[str, Answer]:
    """Quiz answers exactly as :func:`answers_schema` describes them."""
    from careermap.quiz import RATING_VALUES

    items = _items()
    for key, v in value.items():
        if key not in items:
            raise ValueError(f"unknown quiz item '{key[:60]}' (GET /api/v1/quiz/items lists them)")
        if items[key][0]:
            if v is not None and v not in RATING_VALUES:
                raise ValueError(f"'{key}' takes {', '.join(RATING_VALUES)} or null")
        elif isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 5:
            raise ValueError(f"'{key}' takes a whole number from 1 to 5")
    if not partial:
        missing = [k for k, (rating, _) in items.items() if not rating and k not in value]
        if missing:
            more = " ..." if len(missing) > 6 else ""
            raise ValueError(
                f"{len(missing)} interest and work-style items unanswered: "
                f"{', '.join(missing[:6])}{more}"
            )
    return value


Answers = Annotated[
    dict[str, Answer],
    AfterValidator(partial(check_answers, partial=False)),
    WithJsonSchema(answers_schema(partial=False)),
]
SomeAnswers = Annotated[
    dict[str, Answer],
    AfterValidator(partial(check_answers, partial=True)),
    WithJsonSchema(answers_schema(partial=True)),
]


def _present(*names: str) -> dict[str, Any]:
    return {"required": list(names), "properties": {n: {"not": {"type": "null"}} for n in names}}


class QuizScoreIn(_In):
    answers: Answers


class QuizScoreOut(BaseModel):
    interests: dict[str, float] = Field(description="RIASEC on O*NET's 1-7 scale")
    holland_code: str
    work_styles: dict[str, float]
    self_ratings: dict[str, str]
    answers: dict[str, int | str]
    report: MatchReport


class AnswersIn(_In):
    answers: SomeAnswers


# ---------------------------------------------------------------- a person -> roles, gap, plan


class PersonIn(_In):
    """Who to score: a profile (as /read returns it), or a saved profile's id, and/or quiz
    answers. A saved profile is scored with the progress its owner has marked."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "anyOf": [_present("profile"), _present("profile_id"), _present("answers")],
            "not": _present("profile", "profile_id"),
        },
    )

    profile: Profile | None = None
    profile_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    answers: Answers | None = None

    @model_validator(mode="after")
    def _one(self) -> PersonIn:
        if self.profile is not None and self.profile_id is not None:
            raise ValueError("give profile or profile_id, not both")
        if self.profile is None and self.profile_id is None and self.answers is None:
            raise ValueError("give a profile, a profile_id or quiz answers")
        return self


class MatchIn(PersonIn):
    pass


class GapIn(PersonIn):
    role: str = Field(min_length=1, max_length=200, description="role id or title")


class PlanIn(GapIn):
    options: PlanOptions = Field(default_factory=PlanOptions)


class SavePlanIn(PlanIn):
    """Build a plan for the person and save it (a calendar link comes with it)."""


class StartIn(_In):
    """The main job from pasted text: read, rank, choose the target, plan, pay."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"anyOf": [_present("text"), _present("answers")]}
    )

    text: str | None = Field(default=None, min_length=1)
    name: str | None = Field(default=None, max_length=200)
    role: str | None = Field(default=None, min_length=1, max_length=200)
    answers: Answers | None = None
    options: PlanOptions = Field(default_factory=PlanOptions)
    save: bool = Field(default=True, description="save the profile and the plan")


class StartOut(BaseModel):
    """Everything careermap works out in one run."""

    document: DocumentInfo | None
    mentions: list[MentionOut]
    profile: Profile
    report: MatchReport
    target: Target
    gap: Gap
    plan: Plan
    pay: Pay | None
    this_week: list[WeekTask]
    profile_id: int | None = None
    plan_id: int | None = None
    calendar_url: str | None = None


# ---------------------------------------------------------------- saved data


class ProfileSummary(BaseModel):
    id: int
    created: datetime
    document_name: str
    has_document: bool
    skills: int = Field(description="skills in the profile")


class ProfileRecordOut(BaseModel):
    id: int
    created: datetime
    document_name: str
    has_document: bool
    profile: Profile


class PlanSummary(BaseModel):
    id: int
    created: datetime
    role: str
    role_title: str
    start: date
    end: date
    weeks: int
    calendar_url: str


class PlanRecordOut(BaseModel):
    id: int
    created: datetime
    role: str
    calendar_url: str = Field(description="subscribe to it in a calendar app (keep it private)")
    plan: Plan


class ProgressOut(BaseModel):
    progress: dict[str, Level] = Field(description="skill id -> level reached")
    replanned: list[int] = Field(default_factory=list, description="saved plans re-planned")


# ---------------------------------------------------------------- accounts


class SignIn(_In):
    email: str = Field(min_length=1, max_length=254)
    password: str = Field(min_length=1, max_length=1024)


class UserIn(SignIn):
    role: Literal["learner", "advisor", "admin"] = "learner"


class UserOut(BaseModel):
    id: int
    email: str
    role: str
    created: datetime


class MeOut(BaseModel):
    user: UserOut
    mode: Literal["local", "accounts"]
    csrf_token: str = Field(description="send it as X-CSRF-Token on requests that change data")


class CsrfOut(BaseModel):
    csrf_token: str


class CohortIn(_In):
    name: str = Field(min_length=1, max_length=200)


class CohortOut(BaseModel):
    id: int
    name: str
    created: datetime
    join_code: str = Field(description="give it to learners so that they can join on their own")
    members: int = 0
    sharing: int = 0


class LearnerOut(BaseModel):
    user_id: int
    email: str
    name: str | None = None
    role: str | None = None
    role_title: str | None = None
    progress_percent: float | None = None
    last_active: datetime | None = None


class ImportedOut(BaseModel):
    user_id: int
    email: str
    name: str | None = None
    one_time_password: str = Field(description="hand it to the learner; shown only this once")


class ImportOut(BaseModel):
    created: list[ImportedOut]
    added: list[str]
    skipped: list[tuple[int, str]] = Field(description="(row, reason); the header is row 1")


class NoteIn(_In):
    text: str = Field(min_length=1, max_length=10_000)


class NoteOut(BaseModel):
    id: int
    learner_id: int
    text: str
    created: datetime


class SharingIn(_In):
    shared: bool


class JoinIn(_In):
    cohort_id: int = Field(ge=1, le=MAX_ID)
    code: str = Field(min_length=1, max_length=200, description="the cohort's join code")
    shared: bool = Field(default=True, description="share your plan and progress with it")


# ---------------------------------------------------------------- knowledge


class RoleSummary(BaseModel):
    id: str
    title: str
    summary: str
    work_styles: list[str]
    onet: list[str]
    skills: int


class RoleSkillOut(BaseModel):
    skill: str
    label: str
    importance: str
    level: Level
    why: str | None = None


class RoleDetail(BaseModel):
    role: Role
    skills: list[RoleSkillOut]
    courses: list[Course]
    certifications: list[Certification]
    projects: list[PortfolioProject]
    sources: list[Source]


class SkillSummary(BaseModel):
    id: str
    label: str
    category: str
    aliases: list[str]
    prerequisites: list[str]


class SkillDetail(BaseModel):
    skill: Skill
    unlocks: list[str]
    courses: list[str]
    projects: list[str]
    roles: list[dict[str, str]] = Field(description="roles needing it: role, importance, level")


class SourceOut(BaseModel):
    source: Source
    records: dict[str, int] = Field(description="records citing it, by kind")


FactOut = MarketFact
SalaryOut = SalaryReport


def as_model(model: type[M], record: object) -> M:
    """A store record (or any object with the fields) as an API model."""
    return model.model_validate(record, from_attributes=True)


class PasswordIn(_In):
    current: str = Field(min_length=1, max_length=1024)
    new: str = Field(min_length=1, max_length=1024)
