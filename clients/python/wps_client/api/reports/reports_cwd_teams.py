import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.activity import Activity
from ...models.cwd_teams_report import CwdTeamsReport
from ...models.problem import Problem
from ...models.reports_cwd_teams_format_type_0 import ReportsCwdTeamsFormatType0
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    as_of: datetime.date | None | Unset = UNSET,
    group_by: str | Unset = "composition",
    activity: Activity | None | Unset = UNSET,
    format_: None | ReportsCwdTeamsFormatType0 | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    params["group_by"] = group_by

    json_activity: None | str | Unset
    if isinstance(activity, Unset):
        json_activity = UNSET
    elif isinstance(activity, Activity):
        json_activity = activity.value
    else:
        json_activity = activity
    params["activity"] = json_activity

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ReportsCwdTeamsFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    json_program: None | str | Unset
    if isinstance(program, Unset):
        json_program = UNSET
    else:
        json_program = program
    params["program"] = json_program

    json_partner: None | str | Unset
    if isinstance(partner, Unset):
        json_partner = UNSET
    else:
        json_partner = partner
    params["partner"] = json_partner

    json_suppress_below: int | None | Unset
    if isinstance(suppress_below, Unset):
        json_suppress_below = UNSET
    else:
        json_suppress_below = suppress_below
    params["suppress_below"] = json_suppress_below

    json_as_known_on: None | str | Unset
    if isinstance(as_known_on, Unset):
        json_as_known_on = UNSET
    else:
        json_as_known_on = as_known_on
    params["as_known_on"] = json_as_known_on

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/cwd-teams",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CwdTeamsReport | Problem | None:
    if response.status_code == 200:
        response_200 = CwdTeamsReport.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CwdTeamsReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
    group_by: str | Unset = "composition",
    activity: Activity | None | Unset = UNSET,
    format_: None | ReportsCwdTeamsFormatType0 | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> Response[CwdTeamsReport | Problem]:
    """CWD teams active on a date by partner, activity, composition or program, with women, men and women
    in leadership from each team's latest roster

    Args:
        as_of (datetime.date | None | Unset): Teams active and rosters reported by; default today
        group_by (str | Unset): One or two of partner, activity, composition, program (comma)
            Default: 'composition'.
        activity (Activity | None | Unset):
        format_ (None | ReportsCwdTeamsFormatType0 | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        suppress_below (int | None | Unset): Withhold counts from 1 to this minus 1 (2 to 50), and
            enough others that none can be narrowed to fewer than this many values from what is
            published; withheld cells are null and named in each row's `suppressed`. Embassy keys get
            WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a 422), and then only the
            published grouping (a filter that nests is a 422 naming it)
        as_known_on (None | str | Unset): Answer as the records stood then: a date (its end, UTC)
            or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in the future

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CwdTeamsReport | Problem]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
        group_by=group_by,
        activity=activity,
        format_=format_,
        program=program,
        partner=partner,
        suppress_below=suppress_below,
        as_known_on=as_known_on,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
    group_by: str | Unset = "composition",
    activity: Activity | None | Unset = UNSET,
    format_: None | ReportsCwdTeamsFormatType0 | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> CwdTeamsReport | Problem | None:
    """CWD teams active on a date by partner, activity, composition or program, with women, men and women
    in leadership from each team's latest roster

    Args:
        as_of (datetime.date | None | Unset): Teams active and rosters reported by; default today
        group_by (str | Unset): One or two of partner, activity, composition, program (comma)
            Default: 'composition'.
        activity (Activity | None | Unset):
        format_ (None | ReportsCwdTeamsFormatType0 | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        suppress_below (int | None | Unset): Withhold counts from 1 to this minus 1 (2 to 50), and
            enough others that none can be narrowed to fewer than this many values from what is
            published; withheld cells are null and named in each row's `suppressed`. Embassy keys get
            WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a 422), and then only the
            published grouping (a filter that nests is a 422 naming it)
        as_known_on (None | str | Unset): Answer as the records stood then: a date (its end, UTC)
            or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in the future

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CwdTeamsReport | Problem
    """

    return sync_detailed(
        client=client,
        as_of=as_of,
        group_by=group_by,
        activity=activity,
        format_=format_,
        program=program,
        partner=partner,
        suppress_below=suppress_below,
        as_known_on=as_known_on,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
    group_by: str | Unset = "composition",
    activity: Activity | None | Unset = UNSET,
    format_: None | ReportsCwdTeamsFormatType0 | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> Response[CwdTeamsReport | Problem]:
    """CWD teams active on a date by partner, activity, composition or program, with women, men and women
    in leadership from each team's latest roster

    Args:
        as_of (datetime.date | None | Unset): Teams active and rosters reported by; default today
        group_by (str | Unset): One or two of partner, activity, composition, program (comma)
            Default: 'composition'.
        activity (Activity | None | Unset):
        format_ (None | ReportsCwdTeamsFormatType0 | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        suppress_below (int | None | Unset): Withhold counts from 1 to this minus 1 (2 to 50), and
            enough others that none can be narrowed to fewer than this many values from what is
            published; withheld cells are null and named in each row's `suppressed`. Embassy keys get
            WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a 422), and then only the
            published grouping (a filter that nests is a 422 naming it)
        as_known_on (None | str | Unset): Answer as the records stood then: a date (its end, UTC)
            or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in the future

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CwdTeamsReport | Problem]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
        group_by=group_by,
        activity=activity,
        format_=format_,
        program=program,
        partner=partner,
        suppress_below=suppress_below,
        as_known_on=as_known_on,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
    group_by: str | Unset = "composition",
    activity: Activity | None | Unset = UNSET,
    format_: None | ReportsCwdTeamsFormatType0 | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> CwdTeamsReport | Problem | None:
    """CWD teams active on a date by partner, activity, composition or program, with women, men and women
    in leadership from each team's latest roster

    Args:
        as_of (datetime.date | None | Unset): Teams active and rosters reported by; default today
        group_by (str | Unset): One or two of partner, activity, composition, program (comma)
            Default: 'composition'.
        activity (Activity | None | Unset):
        format_ (None | ReportsCwdTeamsFormatType0 | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        suppress_below (int | None | Unset): Withhold counts from 1 to this minus 1 (2 to 50), and
            enough others that none can be narrowed to fewer than this many values from what is
            published; withheld cells are null and named in each row's `suppressed`. Embassy keys get
            WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a 422), and then only the
            published grouping (a filter that nests is a 422 naming it)
        as_known_on (None | str | Unset): Answer as the records stood then: a date (its end, UTC)
            or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in the future

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CwdTeamsReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            as_of=as_of,
            group_by=group_by,
            activity=activity,
            format_=format_,
            program=program,
            partner=partner,
            suppress_below=suppress_below,
            as_known_on=as_known_on,
        )
    ).parsed
