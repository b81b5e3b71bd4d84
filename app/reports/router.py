"""/api/v1/reports/*: every report route; each report's figures, method and CSV table live in
its own module beside this one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel
from starlette.responses import Response

from app.core.csvout import CSV_RESPONSE, csv_response, wants_csv
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.fiscal_year import today
from app.core.history import answer_as_known
from app.core.params import (
    AsKnownOn,
    FiscalYearQuery,
    FromFiscalYear,
    OutputFormat,
    PartnerFilter,
    ProgramFilter,
    RegionFilter,
    RequiredProgram,
    SuppressBelow,
    ToFiscalYear,
    parse_group_by,
)
from app.core.schemas import Date, ParamInt
from app.core.security import Reader
from app.cwd.schemas import Activity
from app.facilities.schemas import Feature
from app.funding.schemas import FundingType, Purpose
from app.gdrp.schemas import MilestoneKind
from app.indicators.schemas import IncludeQuery
from app.peacekeeping.router import FigureReader
from app.reports import (
    cwd_teams,
    facility_upgrades,
    funding,
    imet_completions,
    imet_parity,
    peacekeeping_share,
    policy_milestones,
    scorecard,
    women_trained,
)
from app.trainings.schemas import Kind, Topic

router = APIRouter(prefix="/reports", tags=["reports"])

# Every report also answers text/csv (see `answer`).
CSV = CSV_RESPONSE

Report = TypeVar("Report", bound=BaseModel)


def answer(
    request: Request,
    format: str | None,
    report: Report,
    csv_table: Callable[[Report], tuple[list[str], list[list[Any]]]],
    filename: str,
) -> Response:
    """The report as JSON, or its CSV table when the client asks for CSV."""
    if wants_csv(request, format):
        return csv_response(*csv_table(report), filename=filename)
    return Response(report.model_dump_json(exclude_unset=True), media_type="application/json")


# --- Funding ----------------------------------------------------------------------------------


@router.get(
    "/funding",
    operation_id="reports_funding",
    summary="USD obligated (or disbursed) grouped by program, fiscal year, partner or purpose",
    response_model=funding.FundingReport,
    responses={**responses(403), **CSV},
)
async def funding_report(
    request: Request,
    principal: Reader,
    session: SessionDep,
    group_by: Annotated[
        str,
        Query(
            max_length=100,
            description="One or two of program, fiscal_year, partner, purpose (comma-separated)",
        ),
    ] = "fiscal_year",
    program: ProgramFilter = None,
    fiscal_year: FiscalYearQuery = None,
    from_fy: FromFiscalYear = None,
    to_fy: ToFiscalYear = None,
    partner: PartnerFilter = None,
    type: Annotated[FundingType, Query()] = FundingType.obligation,
    purpose: Annotated[Purpose | None, Query()] = None,
    as_known_on: AsKnownOn = None,
    format: OutputFormat = None,
) -> Response:
    query = funding.FundingQuery(
        program=program,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
        partner=partner,
        type=str(type),
        purpose=str(purpose) if purpose is not None else None,
    )
    report = await answer_as_known(
        as_known_on,
        funding.funding_report(session, principal, parse_group_by(group_by, funding.GROUPS), query),
    )
    return answer(request, format, report, funding.csv_table, "funding.csv")


# --- Peacekeeping -----------------------------------------------------------------------------


@router.get(
    "/peacekeeping-share",
    operation_id="reports_peacekeeping_share",
    summary="A program's partners' share of military women peacekeepers and of contributors",
    response_model=peacekeeping_share.PeacekeepingShare,
    responses={**responses(404), **CSV},
)
async def peacekeeping_share_report(
    request: Request,
    _: FigureReader,
    session: SessionDep,
    program: RequiredProgram,
    as_of: Annotated[
        date | None,
        Query(
            description="Use the latest snapshot on or before (of a month's uploads, the "
            "newest); default today"
        ),
    ] = None,
    by_personnel_type: Annotated[bool, Query(description="Add a row per personnel type")] = False,
    snapshot: Annotated[
        int | None,
        Query(ge=1, le=2**62, description="Use this snapshot (default: the newest for as_of)"),
    ] = None,
    suppress_below: SuppressBelow = None,
    as_known_on: AsKnownOn = None,
    format: OutputFormat = None,
) -> Response:
    # Asked as known on a past day, the snapshot in use is that day's.
    day = as_of or (as_known_on.date() if as_known_on else today())
    report = await answer_as_known(
        as_known_on,
        peacekeeping_share.peacekeeping_share(
            session, program, day, by_personnel_type, snapshot, suppress_below
        ),
    )
    return answer(request, format, report, peacekeeping_share.csv_table, "peacekeeping-share.csv")


# --- Scorecard --------------------------------------------------------------------------------


@router.get(
    "/scorecard",
    operation_id="reports_scorecard",
    summary="Per WPS outcome: each indicator's target, actual, percent of target and status",
    response_model=scorecard.Scorecard,
    responses={**responses(403), **CSV},
)
async def scorecard_report(
    request: Request,
    actor: Reader,
    session: SessionDep,
    fiscal_year: FiscalYearQuery = None,
    outcome: Annotated[ParamInt | None, Query(ge=1, le=4)] = None,
    program: ProgramFilter = None,
    partner: PartnerFilter = None,
    include: IncludeQuery = None,
    suppress_below: SuppressBelow = None,
    as_known_on: AsKnownOn = None,
    format: OutputFormat = None,
) -> Response:
    report = await answer_as_known(
        as_known_on,
        scorecard.scorecard(
            session,
            actor,
            fiscal_year=fiscal_year,
            outcome=outcome,
            program=program,
            partner=partner,
            include=include,
            suppress_below=suppress_below,
        ),
    )
    return answer(request, format, report, scorecard.csv_table, "scorecard.csv")


# --- IMET nominations -------------------------------------------------------------------------


@router.get(
    "/imet-parity",
    operation_id="reports_imet_parity",
    summary="Women's share of IMET nominations against each partner's host-force benchmark",
    response_model=imet_parity.ParityReport,
    responses={**responses(), **CSV},
)
async def imet_parity_report(
    request: Request,
    actor: Reader,
    session: SessionDep,
    fiscal_year: FiscalYearQuery = None,
    partner: PartnerFilter = None,
    suppress_below: SuppressBelow = None,
    as_known_on: AsKnownOn = None,
    format: OutputFormat = None,
) -> Response:
    report = await answer_as_known(
        as_known_on,
        imet_parity.imet_parity(
            session,
            actor,
            fiscal_year=fiscal_year,
            partner=partner,
            suppress_below=suppress_below,
        ),
    )
    return answer(request, format, report, imet_parity.csv_table, "imet-parity.csv")


@router.get(
    "/imet-completions",
    operation_id="reports_imet_completions",
    summary="Women and men whose IMET nominations reached completed",
    response_model=imet_completions.CompletionsReport,
    responses={**responses(), **CSV},
)
async def imet_completions_report(
    request: Request,
    actor: Reader,
    session: SessionDep,
    from_fy: FromFiscalYear = None,
    to_fy: ToFiscalYear = None,
    partner: PartnerFilter = None,
    group_by: imet_completions.CompletionsGroup = "fiscal_year",
    suppress_below: SuppressBelow = None,
    as_known_on: AsKnownOn = None,
    format: OutputFormat = None,
) -> Response:
    report = await answer_as_known(
        as_known_on,
        imet_completions.imet_completions(
            session,
            actor,
            from_fy=from_fy,
            to_fy=to_fy,
            partner=partner,
            group_by=group_by,
            suppress_below=suppress_below,
        ),
    )
    return answer(request, format, report, imet_completions.csv_table, "imet-completions.csv")


# --- Trainings: women trained -----------------------------------------------------------------


@router.get(
    "/women-trained",
    operation_id="reports_women_trained",
    summary="Women, men and unreported participants of trainings, by one or two groups",
    response_model=women_trained.WomenTrainedReport,
    responses={**responses(), **CSV},
)
async def women_trained_report(
    request: Request,
    actor: Reader,
    session: SessionDep,
    program: ProgramFilter = None,
    partner: PartnerFilter = None,
    region: RegionFilter = None,
    topic: Topic | None = None,
    kind: Kind | None = None,
    from_fy: FromFiscalYear = None,
    to_fy: ToFiscalYear = None,
    group_by: Annotated[
        str,
        Query(
            max_length=100,
            description="One or two of fiscal_year, program, partner, region, topic (comma)",
        ),
    ] = "fiscal_year",
    suppress_below: SuppressBelow = None,
    as_known_on: AsKnownOn = None,
    format: OutputFormat = None,
) -> Response:
    report = await answer_as_known(
        as_known_on,
        women_trained.women_trained(
            session,
            actor,
            program=program,
            partner=partner,
            region=region.value if region else None,
            topic=topic.value if topic else None,
            kind=kind.value if kind else None,
            from_fy=from_fy,
            to_fy=to_fy,
            group_by=group_by,
            suppress_below=suppress_below,
        ),
    )
    return answer(request, format, report, women_trained.csv_table, "women-trained.csv")


# --- CWD teams --------------------------------------------------------------------------------


@router.get(
    "/cwd-teams",
    operation_id="reports_cwd_teams",
    summary="CWD teams active on a date by partner, activity, composition or program, with "
    "women, men and women in leadership from each team's latest roster",
    response_model=cwd_teams.CwdTeamsReport,
    responses={**responses(403), **CSV},
)
async def cwd_teams_report(
    request: Request,
    actor: Reader,
    session: SessionDep,
    as_of: Annotated[
        Date | None, Query(description="Teams active and rosters reported by; default today")
    ] = None,
    group_by: Annotated[
        str,
        Query(
            max_length=100,
            description="One or two of partner, activity, composition, program (comma)",
        ),
    ] = "composition",
    program: ProgramFilter = None,
    partner: PartnerFilter = None,
    activity: Annotated[Activity | None, Query()] = None,
    suppress_below: SuppressBelow = None,
    as_known_on: AsKnownOn = None,
    format: OutputFormat = None,
) -> Response:
    day = as_of or (as_known_on.date() if as_known_on else today())
    report = await answer_as_known(
        as_known_on,
        cwd_teams.cwd_teams(
            session,
            actor,
            as_of=day,
            group_by=group_by,
            program=program,
            partner=partner,
            activity=activity,
            suppress_below=suppress_below,
        ),
    )
    return answer(request, format, report, cwd_teams.csv_table, "cwd-teams.csv")


# --- GPOI facility upgrades and GDRP policy milestones ----------------------------------------


@router.get(
    "/facility-upgrades",
    operation_id="reports_facility_upgrades",
    summary="Completed facility upgrades, women's beds added and their cost, by fiscal year, "
    "partner or feature",
    response_model=facility_upgrades.UpgradesReport,
    responses={**responses(403), **CSV},
)
async def facility_upgrades_report(
    request: Request,
    actor: Reader,
    session: SessionDep,
    group_by: Annotated[
        str,
        Query(
            max_length=100,
            description="One or two of fiscal_year, partner, feature (comma-separated)",
        ),
    ] = "fiscal_year",
    program: ProgramFilter = None,
    partner: PartnerFilter = None,
    feature: Annotated[Feature | None, Query()] = None,
    fiscal_year: FiscalYearQuery = None,
    from_fy: FromFiscalYear = None,
    to_fy: ToFiscalYear = None,
    as_known_on: AsKnownOn = None,
    format: OutputFormat = None,
) -> Response:
    query = facility_upgrades.UpgradesQuery(
        program=program,
        partner=partner,
        feature=str(feature) if feature is not None else None,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
    )
    groups = parse_group_by(group_by, facility_upgrades.GROUPS)
    report = await answer_as_known(
        as_known_on, facility_upgrades.facility_upgrades(session, actor, groups, query)
    )
    return answer(request, format, report, facility_upgrades.csv_table, "facility-upgrades.csv")


@router.get(
    "/policy-milestones",
    operation_id="reports_policy_milestones",
    summary="Policy milestones partner governments adopted, by fiscal year, partner or kind",
    response_model=policy_milestones.MilestonesReport,
    responses={**responses(403), **CSV},
)
async def policy_milestones_report(
    request: Request,
    actor: Reader,
    session: SessionDep,
    group_by: Annotated[
        str,
        Query(
            max_length=100,
            description="One or two of fiscal_year, partner, kind (comma-separated)",
        ),
    ] = "fiscal_year",
    program: ProgramFilter = None,
    partner: PartnerFilter = None,
    kind: Annotated[MilestoneKind | None, Query()] = None,
    fiscal_year: FiscalYearQuery = None,
    from_fy: FromFiscalYear = None,
    to_fy: ToFiscalYear = None,
    as_known_on: AsKnownOn = None,
    format: OutputFormat = None,
) -> Response:
    query = policy_milestones.MilestonesQuery(
        program=program,
        partner=partner,
        kind=str(kind) if kind is not None else None,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
    )
    groups = parse_group_by(group_by, policy_milestones.GROUPS)
    report = await answer_as_known(
        as_known_on, policy_milestones.policy_milestones(session, actor, groups, query)
    )
    return answer(request, format, report, policy_milestones.csv_table, "policy-milestones.csv")
