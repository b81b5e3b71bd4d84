"""Bulk import and export of trainings: JSON arrays or CSV with the export's columns.

The flow (check all, write all or nothing, one change per record written) is app.core.bulk; this
module says what a training record is: CSV lines of one training grouped by (program, external_ref),
codes resolved against maps preloaded in three queries, bulk INSERTs for new trainings, bulk
UPDATEs of changed ones, and the rollup adjusted by one upsert.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.audit.writer import record_many
from app.core import bulk
from app.core.bulk import CHUNK, Parsed, Progress, Record, RowError
from app.core.fiscal_year import fiscal_year
from app.core.search import search_text
from app.partners.service import partner_codes
from app.programs.service import program_ids
from app.projects.service import ProjectRefs, project_refs
from app.trainings import rollup
from app.trainings.models import (
    PARTICIPANTS,
    TOPICS,
    Training,
)
from app.trainings.schemas import (
    PARTICIPANT_RECORD,
    TRAINING_RECORD,
    TrainingCreate,
    TrainingImportSummary,
)
from app.trainings.service import References, resolve_references

REQUIRED_COLUMNS = ("program", "title", "kind", "start_date", "end_date")


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


_cell_value = bulk.cell_reader(ints=("hours", "women", "men", "unreported"), lists=("topics",))


def _parse_csv(body: bytes) -> Parsed[TrainingRecord]:
    """Lines of one training (the same id, or else program and external_ref) become one
    record, a participant a line."""
    table = bulk.read_csv(
        body,
        columns=TRAINING_RECORD.columns,
        required=REQUIRED_COLUMNS,
        dates=("start_date", "end_date"),
        numbers=("hours", "women", "men", "unreported"),
    )
    return bulk.group_lines(
        table,
        TRAINING_RECORD,
        _cell_value,
        noun="training",
        key=_training_key,
        child=_participant,
        start=lambda row, training: TrainingRecord(
            row=row, data={**training, "participants": []}, from_csv=True
        ),
        attach=_attach_participant,
    )


def _training_key(training: dict[str, Any]) -> tuple[str, str] | None:
    if training.get("id"):
        return ("id", str(training["id"]))
    if training.get("external_ref"):
        return (str(training.get("program", "")).upper(), str(training["external_ref"]))
    return None


def _participant(row: int, cells: dict[str, str]) -> dict[str, Any] | RowError | None:
    participant = bulk.csv_values(cells, PARTICIPANT_RECORD.imported, _cell_value)
    if participant and "partner" not in participant:
        return RowError(row=row, field="partner", message="counts given without a partner")
    return participant or None


def _attach_participant(record: TrainingRecord, row: int, participant: dict[str, Any]) -> None:
    record.data["participants"].append(participant)
    record.participant_rows.append(row)


# The importer


@dataclass(slots=True)
class Valid:
    body: TrainingCreate
    refs: References

    def columns(self) -> dict[str, Any]:
        """The training's own columns, as stored."""
        resolved = {
            "program_id": self.refs.program_id,
            "host_country_id": self.refs.host_country_id,
            "project_id": self.refs.project_id,
            "fiscal_year": fiscal_year(self.body.start_date),
        }
        return {
            **TRAINING_RECORD.values(self.body, resolved),
            "search_text": search_text([self.body.title]),
        }


def _participants(training: Training) -> frozenset[tuple[int, int, int, int]]:
    return frozenset((p.partner_id, p.women, p.men, p.unreported) for p in training.participants)


class TrainingImporter(bulk.Importer[TrainingRecord, Valid, Training]):
    resource_type = "training"
    body_type = TrainingCreate
    shape = TRAINING_RECORD
    key_columns = (Training.program_id, Training.external_ref)
    children = ((PARTICIPANTS, "training_id"), (TOPICS, "training_id"))
    summary_type = TrainingImportSummary

    programs: dict[str, int]
    partners: dict[str, tuple[int, str]]
    projects: ProjectRefs

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
        self.projects = await project_refs(session)

    def resolve(self, body: TrainingCreate, problems: bulk.Problems) -> Valid | None:
        refs = resolve_references(
            program=body.program,
            host_country=body.host_country,
            participants=body.participants,
            programs=self.programs,
            partners=self.partners,
            project=body.project,
            projects=self.projects,
        )
        if refs.errors:
            problems.extend(refs.errors)
            return None
        return Valid(body, refs)

    def stored(self) -> Select[Training]:
        return select(Training).options(
            selectinload(Training.participants), selectinload(Training.topics)
        )

    def children_changed(self, stored: Training, item: Valid) -> list[str]:
        changed = []
        if frozenset(t.topic for t in stored.topics) != frozenset(item.body.topics):
            changed.append("topics")
        if _participants(stored) != frozenset(item.refs.participants):
            changed.append("participants")
        return changed

    def details(self, item: Valid) -> dict[str, Any]:
        return {"program": item.body.program, "external_ref": item.body.external_ref}

    def readers(self, item: Valid) -> Iterable[int]:
        """The host country and the participants' partners (see `visible_to`)."""
        host = item.refs.host_country_id
        return [*(p[0] for p in item.refs.participants), *([host] if host is not None else [])]

    async def insert_children(
        self, session: AsyncSession, pairs: Sequence[tuple[int, Valid]]
    ) -> None:
        await _insert_children(session, pairs)

    async def write(
        self,
        session: AsyncSession,
        creates: list[tuple[int | None, Valid]],
        updates: list[tuple[Training, Valid]],
        progress: Progress | None,
    ) -> list[int]:
        # The rollup: what the stored trainings gave taken away, what every written one gives.
        deltas = rollup.SUMS.deltas()
        for stored, _ in updates:
            rollup.add_training(deltas, stored, sign=-1)
        for item in [item for _, item in creates] + [item for _, item in updates]:
            assert item.refs.program_id is not None
            rollup.add(
                deltas,
                fiscal_year=fiscal_year(item.body.start_date),
                program_id=item.refs.program_id,
                kind=item.body.kind,
                topics=item.body.topics,
                participants=item.refs.participants,
            )
        created = await super().write(session, creates, updates, progress)
        await rollup.apply(session, deltas)
        return created

    def summary_fields(self, parsed: Parsed[TrainingRecord]) -> dict[str, Any]:
        return {"trainings": len(parsed.records)}


import_trainings = bulk.importing(TrainingImporter, record_many)


async def _insert_children(session: AsyncSession, pairs: Sequence[tuple[int, Valid]]) -> None:
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
        topics.extend({"training_id": training_id, "topic": t} for t in item.body.topics)
    for start in range(0, len(participants), CHUNK * 5):
        await session.execute(insert(PARTICIPANTS), participants[start : start + CHUNK * 5])
    for start in range(0, len(topics), CHUNK * 5):
        await session.execute(insert(TOPICS), topics[start : start + CHUNK * 5])
