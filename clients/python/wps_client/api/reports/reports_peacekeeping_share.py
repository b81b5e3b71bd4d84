import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.peacekeeping_share import PeacekeepingShare
from ...models.problem import Problem
from ...models.reports_peacekeeping_share_format_type_0 import ReportsPeacekeepingShareFormatType0
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    as_of: datetime.date | None | Unset = UNSET,
    by_personnel_type: bool | Unset = False,
    snapshot: int | None | Unset = UNSET,
    format_: None | ReportsPeacekeepingShareFormatType0 | Unset = UNSET,
    program: str,
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

    params["by_personnel_type"] = by_personnel_type

    json_snapshot: int | None | Unset
    if isinstance(snapshot, Unset):
        json_snapshot = UNSET
    else:
        json_snapshot = snapshot
    params["snapshot"] = json_snapshot

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ReportsPeacekeepingShareFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params["program"] = program

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
        "url": "/api/v1/reports/peacekeeping-share",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PeacekeepingShare | Problem | None:
    if response.status_code == 200:
        response_200 = PeacekeepingShare.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[PeacekeepingShare | Problem]:
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
    by_personnel_type: bool | Unset = False,
    snapshot: int | None | Unset = UNSET,
    format_: None | ReportsPeacekeepingShareFormatType0 | Unset = UNSET,
    program: str,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> Response[PeacekeepingShare | Problem]:
    """A program's partners' share of military women peacekeepers and of contributors

    Args:
        as_of (datetime.date | None | Unset): Use the latest snapshot on or before (of a month's
            uploads, the newest); default today
        by_personnel_type (bool | Unset): Add a row per personnel type Default: False.
        snapshot (int | None | Unset): Use this snapshot (default: the newest for as_of)
        format_ (None | ReportsPeacekeepingShareFormatType0 | Unset): `csv` answers text/csv (as
            does `Accept: text/csv`)
        program (str): Program code
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
        Response[PeacekeepingShare | Problem]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
        by_personnel_type=by_personnel_type,
        snapshot=snapshot,
        format_=format_,
        program=program,
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
    by_personnel_type: bool | Unset = False,
    snapshot: int | None | Unset = UNSET,
    format_: None | ReportsPeacekeepingShareFormatType0 | Unset = UNSET,
    program: str,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> PeacekeepingShare | Problem | None:
    """A program's partners' share of military women peacekeepers and of contributors

    Args:
        as_of (datetime.date | None | Unset): Use the latest snapshot on or before (of a month's
            uploads, the newest); default today
        by_personnel_type (bool | Unset): Add a row per personnel type Default: False.
        snapshot (int | None | Unset): Use this snapshot (default: the newest for as_of)
        format_ (None | ReportsPeacekeepingShareFormatType0 | Unset): `csv` answers text/csv (as
            does `Accept: text/csv`)
        program (str): Program code
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
        PeacekeepingShare | Problem
    """

    return sync_detailed(
        client=client,
        as_of=as_of,
        by_personnel_type=by_personnel_type,
        snapshot=snapshot,
        format_=format_,
        program=program,
        suppress_below=suppress_below,
        as_known_on=as_known_on,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
    by_personnel_type: bool | Unset = False,
    snapshot: int | None | Unset = UNSET,
    format_: None | ReportsPeacekeepingShareFormatType0 | Unset = UNSET,
    program: str,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> Response[PeacekeepingShare | Problem]:
    """A program's partners' share of military women peacekeepers and of contributors

    Args:
        as_of (datetime.date | None | Unset): Use the latest snapshot on or before (of a month's
            uploads, the newest); default today
        by_personnel_type (bool | Unset): Add a row per personnel type Default: False.
        snapshot (int | None | Unset): Use this snapshot (default: the newest for as_of)
        format_ (None | ReportsPeacekeepingShareFormatType0 | Unset): `csv` answers text/csv (as
            does `Accept: text/csv`)
        program (str): Program code
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
        Response[PeacekeepingShare | Problem]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
        by_personnel_type=by_personnel_type,
        snapshot=snapshot,
        format_=format_,
        program=program,
        suppress_below=suppress_below,
        as_known_on=as_known_on,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
    by_personnel_type: bool | Unset = False,
    snapshot: int | None | Unset = UNSET,
    format_: None | ReportsPeacekeepingShareFormatType0 | Unset = UNSET,
    program: str,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> PeacekeepingShare | Problem | None:
    """A program's partners' share of military women peacekeepers and of contributors

    Args:
        as_of (datetime.date | None | Unset): Use the latest snapshot on or before (of a month's
            uploads, the newest); default today
        by_personnel_type (bool | Unset): Add a row per personnel type Default: False.
        snapshot (int | None | Unset): Use this snapshot (default: the newest for as_of)
        format_ (None | ReportsPeacekeepingShareFormatType0 | Unset): `csv` answers text/csv (as
            does `Accept: text/csv`)
        program (str): Program code
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
        PeacekeepingShare | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            as_of=as_of,
            by_personnel_type=by_personnel_type,
            snapshot=snapshot,
            format_=format_,
            program=program,
            suppress_below=suppress_below,
            as_known_on=as_known_on,
        )
    ).parsed
