"""Training rules: references resolve, totals and fiscal year are derived, the rollup follows.

Embassy keys see only trainings their country took part in or hosted, and on them only their
own country's participant row (totals are those of the rows seen); that scoping is
`visible_to` and `own_rows`, applied by every read (here and in reads.py) and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    bindparam,
    exists,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlalchemy.sql.elements import BindParameter

from app.audit.writer import record, record_created
from app.core import visibility
from app.core.edits import Patch, delete_record, found_or_404
from app.core.errors import Conflict, Unprocessable, field_error, invalid_query
from app.core.fiscal_year import fiscal_year
from app.core.models import utcnow
from app.core.pagination import Listing, SortKey
from app.core.scope import own_partner_id
from app.core.search import matches, search_text
from app.core.security import Principal
from app.core.versioning import check_version
from app.partners.service import find_partner, partner_codes
from app.programs.models import Program
from app.projects.service import ProjectRefs, check_project, project_filter_id, project_refs
from app.trainings import inserts, rollup
from app.trainings.models import Participant, Training, TrainingTopic
from app.trainings.schemas import (
    TRAINING_RECORD,
    SortOrder,
    Topic,
    TrainingCreate,
    TrainingUpdate,
)

RESOURCE = "training"

# partner code (alpha-3 or alpha-2, upper case) → (partner id, alpha-3)
PartnerMap = Mapping[str, tuple[int, str]]
ProgramMap = Mapping[str, int]


@dataclass(frozen=True, slots=True)
class TrainingFilters:
    program: str | None = None
    partner: str | None = None
    host_country: str | None = None
    fiscal_year: int | None = None
    from_fy: int | None = None
    to_fy: int | None = None
    from_date: date | None = None
    to_date: date | None = None
    kind: str | None = None
    topic: str | None = None
    q: str | None = None
    project: str | None = None
    updated_since: datetime | None = None


@dataclass(slots=True)
class References:
    """A body's codes resolved to ids; `errors` are (JSON pointer, message) pairs."""

    program_id: int | None = None
    host_country_id: int | None = None
    project_id: int | None = None
    participants: list[tuple[int, int, int, int]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)


def load_options(principal: Principal | None = None) -> tuple[Any, ...]:
    """Everything a read renders; an embassy's participants are only its own country's row."""
    partner_id = own_rows(principal)
    participants = (
        Training.participants
        if partner_id is None
        else Training.participants.and_(Participant.partner_id == partner_id)
    )
    return (
        selectinload(Training.program),
        selectinload(Training.project),
        selectinload(Training.host_country),
        selectinload(participants).selectinload(Participant.partner),
        selectinload(Training.topics),
    )


def visible_to(principal: Principal | None) -> ColumnElement[bool]:
    """The trainings `principal` may know exist: an embassy's country joined or hosted them
    (the rule: app/core/scope.py)."""
    partner_id = own_partner_id(principal)
    return true() if partner_id is None else visible_to_partner(partner_id)


def visible_to_partner(partner_id: int | BindParameter[int]) -> ColumnElement[bool]:
    """The trainings an embassy of `partner_id` sees (a value, or the bind parameter of a
    statement built once for every embassy): its country joined or hosted them."""
    took_part = exists().where(
        Participant.training_id == Training.id, Participant.partner_id == partner_id
    )
    return or_(Training.host_country_id == partner_id, took_part)


def readers_of(ids: Sequence[str]) -> CompoundSelect[tuple[int, int | None]]:
    """Who may read a training's changes: the embassies of its host and of every participant's
    country (`visible_to`)."""
    keys = visibility.record_ids(ids)
    return union_all(
        select(Training.id, Training.host_country_id).where(Training.id.in_(keys)),
        select(Participant.training_id, Participant.partner_id).where(
            Participant.training_id.in_(keys)
        ),
    )


def own_rows(principal: Principal | None) -> int | None:
    """The partner whose participant row alone `principal` reads on a visible training (None:
    every row). Another country's row (and its figures) is never shown to an embassy key, as
    for reports (the rule: app/core/scope.py); totals are those of the rows shown."""
    return own_partner_id(principal)


# References: shared by single writes and the bulk import


def resolve_references(
    *,
    program: str | None,
    host_country: str | None,
    participants: Sequence[Any] | None,
    programs: ProgramMap,
    partners: PartnerMap,
    project: str | None = None,
    projects: ProjectRefs | None = None,
    program_id: int | None = None,
) -> References:
    """Check a body's program, project and country codes against the maps; collect every
    error. A project is checked against the body's program, else `program_id` (the stored
    training's, on an update)."""
    refs = References()
    if program is not None:
        refs.program_id = programs.get(program.upper())
        if refs.program_id is None:
            refs.errors.append(("/program", f"unknown program {program!r}"))
    if project is not None:
        owner = refs.program_id if program is not None else program_id
        refs.project_id, problem = check_project(project, owner, projects or {})
        if problem is not None:
            refs.errors.append(problem)
    if host_country is not None:
        host = partners.get(host_country.upper())
        if host is None:
            refs.errors.append(("/host_country", f"unknown country code {host_country!r}"))
        else:
            refs.host_country_id = host[0]
    seen: dict[int, int] = {}
    for i, participant in enumerate(participants or ()):
        found = partners.get(participant.partner.upper())
        pointer = f"/participants/{i}/partner"
        if found is None:
            refs.errors.append((pointer, f"unknown country code {participant.partner!r}"))
            continue
        partner_id, alpha3 = found
        if partner_id in seen:
            refs.errors.append(
                (pointer, f"{alpha3} is already listed at /participants/{seen[partner_id]}")
            )
            continue
        seen[partner_id] = i
        refs.participants.append(
            (partner_id, participant.women, participant.men, participant.unreported)
        )
    return refs


async def reference_maps(
    session: AsyncSession, programs: Sequence[str], countries: Sequence[str]
) -> tuple[ProgramMap, PartnerMap]:
    """Only the programs and partners a body names, in two queries."""
    program_map: dict[str, int] = {}
    partner_map: PartnerMap = {}
    codes = {c.upper() for c in programs}
    if codes:
        rows = await session.execute(
            select(Program.code, Program.id).where(Program.code.in_(codes))
        )
        program_map = {code: program_id for code, program_id in rows.all()}
    if countries:
        partner_map = await partner_codes(session, countries)
    return program_map, partner_map


def _refuse(errors: list[tuple[str, str]]) -> None:
    if errors:
        pointer, message = errors[0]
        raise Unprocessable(f"{pointer}: {message}", errors=[field_error(p, m) for p, m in errors])


# Reads


# Each filter but `q` is a clause on a named bind parameter, so a listing's SQL depends only on
# which filters are set (its shape): the hot read (reads.py) compiles it once per shape.
_FILTER_CLAUSES: dict[str, Callable[[Any], ColumnElement[bool]]] = {
    "program": lambda code: (
        Training.program_id == select(Program.id).where(Program.code == code).scalar_subquery()
    ),
    "partner": lambda partner_id: exists().where(
        Participant.training_id == Training.id, Participant.partner_id == partner_id
    ),
    "host_country": lambda host_id: Training.host_country_id == host_id,
    "project": lambda project_id: Training.project_id == project_id,
    "fiscal_year": lambda year: Training.fiscal_year == year,
    "from_fy": lambda year: Training.fiscal_year >= year,
    "to_fy": lambda year: Training.fiscal_year <= year,
    "from_date": lambda day: Training.start_date >= day,
    "to_date": lambda day: Training.start_date <= day,
    "kind": lambda kind: Training.kind == kind,
    "topic": lambda topic: exists().where(
        TrainingTopic.training_id == Training.id, TrainingTopic.topic == topic
    ),
    "updated_since": lambda instant: Training.updated_at >= instant,
}


def filter_values(
    filters: TrainingFilters,
    partner_id: int | None = None,
    host_id: int | None = None,
    project_id: int | None = None,
) -> dict[str, Any]:
    """The filters set, by name, with the values their clauses compare (codes as ids; `q` as
    asked, matched on its value)."""
    values: dict[str, Any] = {}
    if filters.program:
        values["program"] = filters.program.upper()
    if filters.partner:
        values["partner"] = partner_id
    if filters.host_country:
        values["host_country"] = host_id
    if filters.project:
        values["project"] = project_id
    for name in ("fiscal_year", "from_fy", "to_fy", "from_date", "to_date"):
        if getattr(filters, name) is not None:
            values[name] = getattr(filters, name)
    if filters.kind:
        values["kind"] = filters.kind
    if filters.topic:
        values["topic"] = filters.topic
    if filters.q:
        values["q"] = filters.q
    if filters.updated_since is not None:
        values["updated_since"] = filters.updated_since
    return values


def filter_bind(name: str) -> str:
    """The bind parameter of filter `name`'s clause."""
    return f"filter_{name}"


def apply_filters(stmt: Select[Any], values: Mapping[str, Any]) -> Select[Any]:
    """`stmt` with the filters of `filter_values` (the value of any but `q` may be a bind
    parameter of that name, for a statement compiled once per shape)."""
    for name, value in values.items():
        if name == "q":
            stmt = stmt.where(matches(Training.search_text, value))
        elif isinstance(value, BindParameter):
            stmt = stmt.where(_FILTER_CLAUSES[name](value))
        else:
            stmt = stmt.where(_FILTER_CLAUSES[name](bindparam(filter_bind(name), value)))
    return stmt


async def _filter_country(session: AsyncSession, code: str | None, parameter: str) -> int | None:
    if code is None:
        return None
    partner = await find_partner(session, code)
    if partner is None:
        raise invalid_query(parameter, f"unknown country code {code!r}")
    return partner.id


def sort_keys(sort: SortOrder) -> list[SortKey]:
    if sort in (SortOrder.start_date, SortOrder.start_date_desc):
        descending = sort is SortOrder.start_date_desc
        return [SortKey(Training.start_date, descending), SortKey(Training.id, descending)]
    return [SortKey(Training.id, sort is SortOrder.created_desc)]


async def select_trainings(
    session: AsyncSession,
    principal: Principal | None,
    filters: TrainingFilters,
    stmt: Select[Any] | None = None,
) -> Select[Any]:
    """The scoped, filtered statement every listing and export runs (no ORDER BY).

    `stmt` picks what is selected (default: Training entities; the fast reads pass columns).
    """
    values = await resolved_filters(session, filters)
    base = stmt if stmt is not None else select(Training)
    return apply_filters(base, values).where(visible_to(principal))


async def resolved_filters(session: AsyncSession, filters: TrainingFilters) -> dict[str, Any]:
    """`filter_values` with the partner, host country and project codes looked up (an unknown
    one is a 422 naming its parameter)."""
    partner_id = await _filter_country(session, filters.partner, "partner")
    host_id = await _filter_country(session, filters.host_country, "host_country")
    project_id = await project_filter_id(session, filters.project)
    return filter_values(filters, partner_id, host_id, project_id)


async def trainings_listing(
    session: AsyncSession,
    principal: Principal | None,
    filters: TrainingFilters,
    sort: SortOrder = SortOrder.created,
) -> Listing:
    """Every matching training, fully loaded, for CSV and the bulk export (filters checked
    now). The JSON list pages through `reads.page_json` instead, without the ORM."""
    stmt = await select_trainings(session, principal, filters)
    return Listing(stmt.options(*load_options(principal)), sort_keys(sort))


async def get_training(
    session: AsyncSession, principal: Principal | None, training_id: int
) -> Training:
    stmt = select(Training).where(Training.id == training_id, visible_to(principal))
    loaded = stmt.options(*load_options(principal)).execution_options(populate_existing=True)
    return await found_or_404(session, loaded, f"training {training_id}")


# Writes


async def _refuse_duplicate_ref(
    session: AsyncSession, program_id: int, external_ref: str | None, exclude_id: int | None = None
) -> None:
    if external_ref is None:
        return
    stmt = select(Training.id).where(
        Training.program_id == program_id, Training.external_ref == external_ref
    )
    if exclude_id is not None:
        stmt = stmt.where(Training.id != exclude_id)
    clash = await session.scalar(stmt)
    if clash is not None:
        raise Conflict(
            f"training {clash} of this program already has external_ref {external_ref!r}",
            conflicting_training=clash,
        )


@dataclass(frozen=True, slots=True)
class Created:
    """A training just written, as the response shows it: its columns and references by
    code (`row`), its participant rows by alpha-3 and its topics."""

    row: dict[str, Any]
    participants: list[tuple[str, int, int, int]]
    topics: list[str]

    @property
    def id(self) -> int:
        return int(self.row["id"])


async def create_training(session: AsyncSession, actor: Principal, body: TrainingCreate) -> Created:
    now = utcnow()
    values = {
        **body.model_dump(include=set(TRAINING_RECORD.plain)),
        "search_text": search_text([body.title]),
        "fiscal_year": fiscal_year(body.start_date),
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }
    counts = [(p.partner, p.women, p.men, p.unreported) for p in body.participants]
    inserted = await inserts.insert_training(
        session,
        values,
        program=body.program,
        host_country=body.host_country,
        project=body.project,
        participants=counts,
        topics=body.topics,
    )
    if inserted is None:
        await _refuse_new(session, body)
        raise Conflict("the training's references changed while it was written; send it again")
    participants = [
        (inserted.partners[code.upper()][0], women, men, unreported)
        for code, women, men, unreported in counts
    ]
    host = inserted.partners.get(body.host_country.upper()) if body.host_country else None
    # The row as stored, for the response (its references as their codes): no reload.
    created = Created(
        row={
            **values,
            "id": inserted.id,
            "program": body.program.upper(),
            "host_country": host[1] if host is not None else None,
            "project": body.project.upper() if body.project is not None else None,
            "created_at": inserted.created_at,
            "updated_at": inserted.updated_at,
        },
        participants=[
            (inserted.partners[code.upper()][1], women, men, unreported)
            for code, women, men, unreported in counts
        ],
        topics=list(body.topics),
    )
    deltas = rollup.SUMS.deltas()
    rollup.add(
        deltas,
        fiscal_year=values["fiscal_year"],
        program_id=inserted.program_id,
        kind=body.kind,
        topics=body.topics,
        participants=participants,
    )
    await rollup.apply(session, deltas)
    record_created(
        session,
        actor,
        RESOURCE,
        inserted.id,
        body,
        {"program": body.program, "external_ref": body.external_ref},
        partners=[
            *(pid for pid, *_counts in participants),
            *([inserted.host_country_id] if inserted.host_country_id is not None else []),
        ],
    )
    return created


async def _looked_up(
    session: AsyncSession,
    program: str | None,
    host_country: str | None,
    participants: Sequence[Any] | None,
    project: str | None,
    program_id: int | None = None,
) -> References:
    """A body's codes looked up and checked (`resolve_references`): the create's, or the
    fields a PATCH sets (a project against `program_id`, the stored training's program)."""
    countries = [p.partner for p in participants or ()]
    if host_country:
        countries.append(host_country)
    programs, partners = await reference_maps(session, [program] if program else [], countries)
    return resolve_references(
        program=program,
        host_country=host_country,
        participants=participants,
        programs=programs,
        partners=partners,
        project=project,
        projects=await project_refs(session, [project] if project else []),
        program_id=program_id,
    )


async def _refuse_new(session: AsyncSession, body: TrainingCreate) -> None:
    """Why a new training inserted nothing: every code that names nothing (or the wrong thing),
    a partner listed twice, or a taken `external_ref`."""
    refs = await _looked_up(
        session, body.program, body.host_country, body.participants, body.project
    )
    _refuse(refs.errors)
    assert refs.program_id is not None
    await _refuse_duplicate_ref(session, refs.program_id, body.external_ref)


# The fields an update copies as given (the record shape's plain fields).
_SCALARS = TRAINING_RECORD.plain


async def update_training(
    session: AsyncSession,
    actor: Principal,
    training_id: int,
    body: TrainingUpdate,
    expected_version: str | None,
) -> Training:
    training = await get_training(session, None, training_id)
    patch = Patch.checked(training, body, expected_version)
    refs = await _patched_references(session, patch)
    deltas = rollup.SUMS.deltas()
    rollup.add_training(deltas, training, sign=-1)
    patch.copy(*_SCALARS)
    if "program" in patch:
        patch.set("program_id", refs.program_id, "program")
    if patch.sets("program", "project"):
        patch.set("project_id", refs.project_id, "project")
    if "host_country" in patch:
        patch.set("host_country_id", refs.host_country_id, "host_country")
    if {"program", "external_ref"} & set(patch.changed):
        await _refuse_duplicate_ref(
            session, training.program_id, training.external_ref, training.id
        )
    training.fiscal_year = fiscal_year(training.start_date)
    training.search_text = search_text([training.title])
    if body.topics is not None:
        patch.note("topics", _replace_topics(training, body.topics))
    if body.participants is not None:
        patch.note("participants", _replace_participants(training, refs.participants))
    if not patch.changed:
        return training
    patch.touch()  # also bumps the version when only child rows changed
    await patch.saved(session)
    rollup.add_training(deltas, training)
    await rollup.apply(session, deltas)
    record(session, actor, "update", RESOURCE, training.id, patch.changed)
    return await get_training(session, None, training.id)


async def _patched_references(session: AsyncSession, patch: Patch[TrainingUpdate]) -> References:
    """The codes a training's PATCH names, resolved, and its dates checked: every error in
    one 422."""
    training, body = patch.target, patch.body
    start, end = patch.value("start_date"), patch.value("end_date")
    errors: list[tuple[str, str]] = []
    if start is not None and end is not None and end < start:
        pointer = "/end_date" if "end_date" in patch else "/start_date"
        errors.append((pointer, "end_date must not be before start_date"))
    # A project belongs to one program: checked whenever either side changes.
    project = patch.value("project", "project_code") if patch.sets("program", "project") else None
    refs = await _looked_up(
        session, body.program, body.host_country, body.participants, project, training.program_id
    )
    _refuse(errors + refs.errors)
    return refs


def _replace_topics(training: Training, topics: list[Topic]) -> bool:
    have = {t.topic: t for t in training.topics}
    if set(have) == set(topics):
        return False
    training.topics = [have.get(t) or TrainingTopic(topic=t) for t in topics]
    return True


def _replace_participants(
    training: Training, participants: list[tuple[int, int, int, int]]
) -> bool:
    have = {p.partner_id: p for p in training.participants}
    current = {(p.partner_id, p.women, p.men, p.unreported) for p in training.participants}
    if current == set(participants):
        return False
    kept: list[Participant] = []
    for partner_id, women, men, unreported in participants:
        row = have.get(partner_id) or Participant(partner_id=partner_id)
        row.women, row.men, row.unreported = women, men, unreported
        kept.append(row)
    training.participants = kept
    return True


async def delete_training(
    session: AsyncSession, actor: Principal, training_id: int, expected_version: str | None
) -> None:
    training = await get_training(session, None, training_id)
    check_version(expected_version, training.version)
    deltas = rollup.SUMS.deltas()
    rollup.add_training(deltas, training, sign=-1)
    details = {"program": training.program_code, "external_ref": training.external_ref}
    await delete_record(session, training)
    await rollup.apply(session, deltas)
    record(session, actor, "delete", RESOURCE, training_id, [], details)
