"""/api/v1/reports/*: every report route; each report's figures, method and CSV table live in
its own module beside this one, and what all reports share in `params`."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from app.core.csvout import answers_or_csv
from app.core.db import SessionDep
from app.core.operations import path_ids
from app.core.params import (
    FiscalYearQuery,
    FromFiscalYear,
    RegionFilter,
    ToFiscalYear,
    YearRange,
    choice_text,
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
from app.reports.params import ReportParams, group_by_query, report_params
from app.trainings.schemas import Kind, Topic

router = APIRouter(
    prefix="/reports", tags=["reports"], generate_unique_id_function=path_ids("reports")
)

# What a report takes besides its own filters, by which of program, partner and suppress_below
# it accepts (format and as_known_on always).
Shared = Annotated[ReportParams, report_params()]
Unsuppressed = Annotated[ReportParams, report_params(suppress_below=False)]
ByPartner = Annotated[ReportParams, report_params(program=None)]
OfProgram = Annotated[ReportParams, report_params(program="required", partner=False)]


# --- Funding ----------------------------------------------------------------------------------


@router.get(
    "/funding",
    summary="USD obligated (or disbursed) grouped by program, fiscal year, partner or purpose",
    **answers_or_csv(funding.FundingReport, 403),
)
async def funding_report(
    principal: Reader,
    session: SessionDep,
    shared: Unsuppressed,
    group_by: Annotated[
        str,
        group_by_query("One or two of program, fiscal_year, partner, purpose (comma-separated)"),
    ] = "fiscal_year",
    fiscal_year: FiscalYearQuery = None,
    from_fy: FromFiscalYear = None,
    to_fy: ToFiscalYear = None,
    type: Annotated[FundingType, Query()] = FundingType.obligation,
    purpose: Annotated[Purpose | None, Query()] = None,
) -> Response:
    query = shared.query(
        funding.FundingQuery,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
        type=str(type),
        purpose=choice_text(purpose),
    )
    groups = parse_group_by(group_by, funding.GROUPS)
    return await shared.respond(
        funding.funding_report(session, principal, groups, query), funding.csv_table, "funding.csv"
    )


# --- Peacekeeping -----------------------------------------------------------------------------


@router.get(
    "/peacekeeping-share",
    summary="A program's partners' share of military women peacekeepers and of contributors",
    **answers_or_csv(peacekeeping_share.PeacekeepingShare, 404),
)
async def peacekeeping_share_report(
    _: FigureReader,
    session: SessionDep,
    shared: OfProgram,
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
) -> Response:
    # Asked as known on a past day, the snapshot in use is that day's.
    query = shared.query(
        peacekeeping_share.ShareQuery,
        as_of=shared.day(as_of),
        by_personnel_type=by_personnel_type,
        snapshot=snapshot,
    )
    return await shared.respond(
        peacekeeping_share.peacekeeping_share(session, query),
        peacekeeping_share.csv_table,
        "peacekeeping-share.csv",
    )


# --- Scorecard --------------------------------------------------------------------------------


@router.get(
    "/scorecard",
    summary="Per WPS outcome: each indicator's target, actual, percent of target and status",
    **answers_or_csv(scorecard.Scorecard, 403),
)
async def scorecard_report(
    actor: Reader,
    session: SessionDep,
    shared: Shared,
    fiscal_year: FiscalYearQuery = None,
    outcome: Annotated[ParamInt | None, Query(ge=1, le=4)] = None,
    include: IncludeQuery = None,
) -> Response:
    query = shared.query(
        scorecard.ScorecardQuery, fiscal_year=fiscal_year, outcome=outcome, include=include
    )
    return await shared.respond(
        scorecard.scorecard(session, actor, query), scorecard.csv_table, "scorecard.csv"
    )


# --- IMET nominations -------------------------------------------------------------------------


@router.get(
    "/imet-parity",
    summary="Women's share of IMET nominations against each partner's host-force benchmark",
    **answers_or_csv(imet_parity.ParityReport),
)
async def imet_parity_report(
    actor: Reader,
    session: SessionDep,
    shared: ByPartner,
    fiscal_year: FiscalYearQuery = None,
) -> Response:
    query = shared.query(imet_parity.ParityQuery, fiscal_year=fiscal_year)
    return await shared.respond(
        imet_parity.imet_parity(session, actor, query), imet_parity.csv_table, "imet-parity.csv"
    )


@router.get(
    "/imet-completions",
    summary="Women and men whose IMET nominations reached completed",
    **answers_or_csv(imet_completions.CompletionsReport),
)
async def imet_completions_report(
    actor: Reader,
    session: SessionDep,
    shared: ByPartner,
    from_fy: FromFiscalYear = None,
    to_fy: ToFiscalYear = None,
    group_by: imet_completions.CompletionsGroup = "fiscal_year",
) -> Response:
    query = shared.query(
        imet_completions.CompletionsQuery, from_fy=from_fy, to_fy=to_fy, group_by=group_by
    )
    return await shared.respond(
        imet_completions.imet_completions(session, actor, query),
        imet_completions.csv_table,
        "imet-completions.csv",
    )


# --- Trainings: women trained -----------------------------------------------------------------


@router.get(
    "/women-trained",
    summary="Women, men and unreported participants of trainings, by one or two groups",
    **answers_or_csv(women_trained.WomenTrainedReport),
)
async def women_trained_report(
    actor: Reader,
    session: SessionDep,
    shared: Shared,
    region: RegionFilter = None,
    topic: Topic | None = None,
    kind: Kind | None = None,
    from_fy: FromFiscalYear = None,
    to_fy: ToFiscalYear = None,
    group_by: Annotated[
        str, group_by_query("One or two of fiscal_year, program, partner, region, topic (comma)")
    ] = "fiscal_year",
    distinct_counts: Annotated[
        bool,
        Query(
            description="Add trainings and countries (distinct, per group and in totals), "
            "counted over the participant records"
        ),
    ] = False,
) -> Response:
    query = shared.query(
        women_trained.WomenTrainedQuery,
        region=choice_text(region),
        topic=choice_text(topic),
        kind=choice_text(kind),
        from_fy=from_fy,
        to_fy=to_fy,
        group_by=group_by,
        distinct_counts=distinct_counts,
    )
    return await shared.respond(
        women_trained.women_trained(session, actor, query),
        women_trained.csv_table,
        "women-trained.csv",
    )


# --- CWD teams --------------------------------------------------------------------------------


@router.get(
    "/cwd-teams",
    summary="CWD teams active on a date by partner, activity, composition or program, with "
    "women, men and women in leadership from each team's latest roster",
    **answers_or_csv(cwd_teams.CwdTeamsReport, 403),
)
async def cwd_teams_report(
    actor: Reader,
    session: SessionDep,
    shared: Shared,
    as_of: Annotated[
        Date | None, Query(description="Teams active and rosters reported by; default today")
    ] = None,
    group_by: Annotated[
        str, group_by_query("One or two of partner, activity, composition, program (comma)")
    ] = "composition",
    activity: Annotated[Activity | None, Query()] = None,
) -> Response:
    groups = parse_group_by(group_by, cwd_teams.GROUPS)
    query = shared.query(cwd_teams.CwdTeamsQuery, as_of=shared.day(as_of), activity=activity)
    return await shared.respond(
        cwd_teams.cwd_teams(session, actor, groups, query), cwd_teams.csv_table, "cwd-teams.csv"
    )


# --- GPOI facility upgrades and GDRP policy milestones ----------------------------------------


@router.get(
    "/facility-upgrades",
    summary="Completed facility upgrades, women's beds added and their cost, by fiscal year, "
    "partner or feature",
    **answers_or_csv(facility_upgrades.UpgradesReport, 403),
)
async def facility_upgrades_report(
    actor: Reader,
    session: SessionDep,
    years: YearRange,
    shared: Unsuppressed,
    group_by: Annotated[
        str, group_by_query("One or two of fiscal_year, partner, feature (comma-separated)")
    ] = "fiscal_year",
    feature: Annotated[Feature | None, Query()] = None,
) -> Response:
    query = shared.query(facility_upgrades.UpgradesQuery, **years, feature=choice_text(feature))
    groups = parse_group_by(group_by, facility_upgrades.GROUPS)
    return await shared.respond(
        facility_upgrades.facility_upgrades(session, actor, groups, query),
        facility_upgrades.csv_table,
        "facility-upgrades.csv",
    )


@router.get(
    "/policy-milestones",
    summary="Policy milestones partner governments adopted, by fiscal year, partner or kind",
    **answers_or_csv(policy_milestones.MilestonesReport, 403),
)
async def policy_milestones_report(
    actor: Reader,
    session: SessionDep,
    years: YearRange,
    shared: Unsuppressed,
    group_by: Annotated[
        str, group_by_query("One or two of fiscal_year, partner, kind (comma-separated)")
    ] = "fiscal_year",
    kind: Annotated[MilestoneKind | None, Query()] = None,
) -> Response:
    query = shared.query(policy_milestones.MilestonesQuery, **years, kind=choice_text(kind))
    groups = parse_group_by(group_by, policy_milestones.GROUPS)
    return await shared.respond(
        policy_milestones.policy_milestones(session, actor, groups, query),
        policy_milestones.csv_table,
        "policy-milestones.csv",
    )
