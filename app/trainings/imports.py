"""Bulk import and export of trainings: JSON arrays or CSV with the export's columns.

The flow (check all, then write all or nothing, one audit event) is app.core.bulk; this
module says what a training record is: CSV lines of one training grouped by (program,
external_ref), codes resolved against maps preloaded in two queries, bulk INSERTs for new
trainings, one UPDATE per changed one, and the rollup adjusted by one upsert.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.core import bulk
from app.core.bulk import CHUNK, Parsed, Progress, Record, RowError
from app.core.fiscal_year import fiscal_year
from app.core.security import Principal
from app.partners.service import partner_codes
from app.programs.service import program_ids
from app.trainings import rollup
from app.trainings.models import (
    PARTICIPANTS,
    TOPICS,
    TRAININGS,
    Participant,
    Training,
    TrainingTopic,
)
from app.trainings.schemas import TrainingCreate, TrainingImportSummary
from app.trainings.service import References, resolve_references

TRAINING_COLUMNS = (
    "program",
    "external_ref",
    "title",
    "kind",
    "topics",
    "start_date",
    "end_date",
    "host_country",
    "location",
    "delivery",
    "hours",
)
PARTICIPANT_COLUMNS = ("partner", "women", "men", "unreported")
# The export's columns; `id`, `fiscal_year` and `total` are derived and ignored on import.
CSV_COLUMNS = (
    "id",
    *TRAINING_COLUMNS[:7],
    "fiscal_year",
    *TRAINING_COLUMNS[7:],
    *PARTICIPANT_COLUMNS,
    "total",
)
REQUIRED_COLUMNS = ("program", "title", "kind", "start_date", "end_date")
INT_COLUMNS = frozenset({"hours", "women", "men", "unreported"})
TOPIC_SEPARATOR = bulk.LIST_SEPARATOR


# Export


def csv_rows(training: Training) -> list[list[Any]]:
    """One line per training x partner (one line with empty partner columns when none)."""
    head = [
        training.id,
        training.program_code,
        training.external_ref,
        training.title,
        training.kind,
        TOPIC_SEPARATOR.join(training.topic_names),
        training.start_date,
        training.end_date,
        training.fiscal_year,
        training.host_country_code,
        training.location,
        training.delivery,
        training.hours,
    ]
    participants = training.participants_by_partner
    if not participants:
        return [[*head, None, None, None, None, None]]
    return [[*head, p.partner_code, p.women, p.men, p.unreported, p.total] for p in participants]


async def csv_batches(batches: AsyncIterable[list[Training]]) -> AsyncIterator[list[list[Any]]]:
    async for batch in batches:
        yield [row for training in batch for row in csv_rows(training)]


def json_record(training: Training) -> dict[str, Any]:
    """A training in the import's JSON shape (no id or derived fields), for round trips."""
    return {
        "program": training.program_code,
        "external_ref": training.external_ref,
        "title": training.title,
        "kind": training.kind,
        "topics": training.topic_names,
        "start_date": training.start_date.isoformat(),
        "end_date": training.end_date.isoformat(),
        "host_country": training.host_country_code,
        "location": training.location,
        "delivery": training.delivery,
        "hours": training.hours,
        "participants": [
            {"partner": p.partner_code, "women": p.women, "men": p.men, "unreported": p.unreported}
            for p in training.participants_by_partner
        ],
    }


# Parsing


@dataclass(slots=True)
class TrainingRecord(Record):
    """One training to upsert, with the record numbers its participants came from."""

    participant_rows: list[int] = field(default_factory=list)


def parse(body: bytes, *, csv_body: bool) -> Parsed[TrainingRecord]:
    return _parse_csv(body) if csv_body else bulk.parse_json(body, "trainings", _json_record)


def _json_record(row: int, item: dict[str, Any]) -> TrainingRecord:
    participants = item.get("participants")
    count = len(participants) if isinstance(participants, list) else 0
    return TrainingRecord(row=row, data=item, participant_rows=[row] * count)


def _cell_value(column: str, value: str) -> Any:
    if column in INT_COLUMNS:
        return bulk.int_cell(value)
    if column == "topics":
        return bulk.list_cell(value)
    return value


def _parse_csv(body: bytes) -> Parsed[TrainingRecord]:
    """Lines of one training (same program and external_ref) become one record."""
    table = bulk.read_csv(body, columns=CSV_COLUMNS, required=REQUIRED_COLUMNS)
    records: list[TrainingRecord] = []
    by_key: dict[tuple[str, str], tuple[TrainingRecord, dict[str, Any]]] = {}
    errors = table.errors
    for row, cells in table.lines:
        training = bulk.csv_values(cells, TRAINING_COLUMNS, _cell_value)
        participant = bulk.csv_values(cells, PARTICIPANT_COLUMNS, _cell_value)
        if participant and "partner" not in participant:
            errors.append(
                RowError(row=row, field="partner", message="counts given without a partner")
            )
            continue
        ref = training.get("external_ref")
        key = (str(training.get("program", "")).upper(), ref) if ref else None
        if key is not None and key in by_key:
            first, first_training = by_key[key]
            differing = [n for n in TRAINING_COLUMNS if training.get(n) != first_training.get(n)]
            if differing:
                errors.append(
                    RowError(
                        row=row,
                        field=differing[0],
                        message=f"differs from row {first.row}, a line of the same training",
                    )
                )
                continue
            if participant:
                first.data.setdefault("participants", []).append(participant)
                first.participant_rows.append(row)
            continue
        data = dict(training)
        data["participants"] = [participant] if participant else []
        record_ = TrainingRecord(
            row=row, data=data, participant_rows=[row] if participant else [], from_csv=True
        )
        records.append(record_)
        if key is not None:
            by_key[key] = (record_, training)
    errors.sort(key=lambda e: e.row)
    return Parsed(received=table.received, records=records, errors=errors, format="csv")


# The importer


@dataclass(slots=True)
class Valid:
    record: TrainingRecord
    body: TrainingCreate
    refs: References


def _state(body: TrainingCreate, refs: References) -> tuple[Any, ...]:
    return (
        refs.program_id,
        body.title,
        body.kind.value,
        body.start_date,
        body.end_date,
        refs.host_country_id,
        body.location,
        body.delivery.value,
        body.hours,
        frozenset(t.value for t in body.topics),
        frozenset(refs.participants),
    )


def _stored_state(training: Training) -> tuple[Any, ...]:
    return (
        training.program_id,
        training.title,
        training.kind,
        training.start_date,
        training.end_date,
        training.host_country_id,
        training.location,
        training.delivery,
        training.hours,
        frozenset(t.topic for t in training.topics),
        frozenset((p.partner_id, p.women, p.men, p.unreported) for p in training.participants),
    )


class TrainingImporter(bulk.Importer[TrainingRecord, Valid, Training]):
    resource_type = "training"
    key_field = "external_ref"
    summary_type = TrainingImportSummary

    def __init__(self) -> None:
        self.programs: dict[str, int] = {}
        self.partners: dict[str, tuple[int, str]] = {}

    def locate(self, rec: TrainingRecord, loc: Sequence[Any]) -> tuple[int, str]:
        """A participant's error points at the CSV line (or array item) it came from."""
        parts = [str(p) for p in loc]
        if len(parts) >= 2 and parts[0] == "participants" and parts[1].isdigit():
            index = int(parts[1])
            if rec.from_csv:
                row = rec.participant_rows[index] if index < len(rec.participant_rows) else rec.row
                return row, parts[2] if len(parts) > 2 else "partner"
            if index < len(rec.participant_rows):
                return rec.participant_rows[index], "/" + "/".join(parts)
        return bulk.locate(rec, parts)

    async def prepare(self, session: AsyncSession) -> None:
        self.programs = await program_ids(session)
        self.partners = await partner_codes(session)

    def check(self, rec: TrainingRecord) -> Valid | list[RowError]:
        try:
            body = TrainingCreate.model_validate(rec.data)
        except ValidationError as exc:
            return self.validation_errors(rec, exc)
        refs = resolve_references(
            program=body.program,
            host_country=body.host_country,
            participants=body.participants,
            programs=self.programs,
            partners=self.partners,
        )
        if refs.errors:
            return self.errors_at(rec, refs.errors)
        return Valid(rec, body, refs)

    def key(self, item: Valid) -> Hashable | None:
        if item.body.external_ref is None:
            return None
        return (item.refs.program_id, item.body.external_ref)

    async def find(
        self, session: AsyncSession, keys: list[Any]
    ) -> dict[tuple[int, str], list[Training]]:
        """Stored trainings by (program id, external_ref), with participants and topics."""
        by_program: dict[int, list[str]] = {}
        for program_id, ref in keys:
            by_program.setdefault(program_id, []).append(ref)
        found: dict[tuple[int, str], list[Training]] = {}
        for program_id, refs in by_program.items():
            for start in range(0, len(refs), CHUNK):
                stmt = (
                    select(Training)
                    .where(
                        Training.program_id == program_id,
                        Training.external_ref.in_(refs[start : start + CHUNK]),
                    )
                    .options(selectinload(Training.participants), selectinload(Training.topics))
                )
                for training in (await session.scalars(stmt)).all():
                    assert training.external_ref is not None
                    found.setdefault((program_id, training.external_ref), []).append(training)
        return found

    def same(self, stored: Training, item: Valid) -> bool:
        return _stored_state(stored) == _state(item.body, item.refs)

    async def write(
        self,
        session: AsyncSession,
        creates: list[Valid],
        updates: list[tuple[Training, Valid]],
        progress: Progress | None,
    ) -> None:
        deltas = rollup.new_deltas()
        for chunk in bulk.chunks(creates, "creating", progress):
            ids = await bulk.insert_returning_ids(
                session, TRAININGS, [_columns(item) for item in chunk]
            )
            await _insert_children(session, list(zip(ids, chunk, strict=True)), deltas)
        for pairs in bulk.chunks(updates, "updating", progress):
            for stored, _ in pairs:
                rollup.add_training(deltas, stored, sign=-1)
            ids = [stored.id for stored, _ in pairs]
            await bulk.update_by_id(
                session, TRAININGS, [(stored.id, _columns(item)) for stored, item in pairs]
            )
            await session.execute(delete(PARTICIPANTS).where(Participant.training_id.in_(ids)))
            await session.execute(delete(TOPICS).where(TrainingTopic.training_id.in_(ids)))
            await _insert_children(session, [(stored.id, item) for stored, item in pairs], deltas)
        await rollup.apply(session, deltas)

    def summary_fields(self, parsed: Parsed[TrainingRecord]) -> dict[str, Any]:
        return {"trainings": len(parsed.records)}


async def import_trainings(
    session: AsyncSession,
    actor: Principal | None,
    parsed: Parsed[TrainingRecord],
    *,
    dry_run: bool,
    progress: Progress | None = None,
) -> bulk.ImportSummary:
    return await bulk.run_import(
        session, actor, TrainingImporter(), parsed, dry_run=dry_run, progress=progress
    )


def _columns(item: Valid) -> dict[str, Any]:
    body, refs = item.body, item.refs
    return {
        "program_id": refs.program_id,
        "title": body.title,
        "kind": body.kind.value,
        "start_date": body.start_date,
        "end_date": body.end_date,
        "fiscal_year": fiscal_year(body.start_date),
        "host_country_id": refs.host_country_id,
        "location": body.location,
        "delivery": body.delivery.value,
        "hours": body.hours,
        "external_ref": body.external_ref,
    }


async def _insert_children(
    session: AsyncSession, pairs: list[tuple[int, Valid]], deltas: rollup.Deltas
) -> None:
    participants: list[dict[str, Any]] = []
    topics: list[dict[str, Any]] = []
    for training_id, item in pairs:
        for partner_id, women, men, unreported in item.refs.participants:
            participants.append(
                {
                    "training_id": training_id,
                    "partner_id": partner_id,
                    "women": women,
                    "men": men,
                    "unreported": unreported,
                }
            )
        topics.extend({"training_id": training_id, "topic": t.value} for t in item.body.topics)
        assert item.refs.program_id is not None
        rollup.add(
            deltas,
            fiscal_year=fiscal_year(item.body.start_date),
            program_id=item.refs.program_id,
            kind=item.body.kind.value,
            topics=[t.value for t in item.body.topics],
            participants=item.refs.participants,
        )
    for start in range(0, len(participants), CHUNK * 5):
        await session.execute(insert(PARTICIPANTS), participants[start : start + CHUNK * 5])
    for start in range(0, len(topics), CHUNK * 5):
        await session.execute(insert(TOPICS), topics[start : start + CHUNK * 5])
