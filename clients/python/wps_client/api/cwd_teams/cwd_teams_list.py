import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.activity import Activity
from ...models.composition import Composition
from ...models.cwd_teams_list_format_type_0 import CwdTeamsListFormatType0
from ...models.page_team_read import PageTeamRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: CwdTeamsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    project: None | str | Unset = UNSET,
    activity: Activity | None | Unset = UNSET,
    composition: Composition | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    program: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, CwdTeamsListFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["include_total"] = include_total

    json_project: None | str | Unset
    if isinstance(project, Unset):
        json_project = UNSET
    else:
        json_project = project
    params["project"] = json_project

    json_activity: None | str | Unset
    if isinstance(activity, Unset):
        json_activity = UNSET
    elif isinstance(activity, Activity):
        json_activity = activity.value
    else:
        json_activity = activity
    params["activity"] = json_activity

    json_composition: None | str | Unset
    if isinstance(composition, Unset):
        json_composition = UNSET
    elif isinstance(composition, Composition):
        json_composition = composition.value
    else:
        json_composition = composition
    params["composition"] = json_composition

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    json_partner: None | str | Unset
    if isinstance(partner, Unset):
        json_partner = UNSET
    else:
        json_partner = partner
    params["partner"] = json_partner

    json_program: None | str | Unset
    if isinstance(program, Unset):
        json_program = UNSET
    else:
        json_program = program
    params["program"] = json_program

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/cwd-teams",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageTeamRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageTeamRead.from_dict(response.json())

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
) -> Response[PageTeamRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: CwdTeamsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    project: None | str | Unset = UNSET,
    activity: Activity | None | Unset = UNSET,
    composition: Composition | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    program: None | str | Unset = UNSET,
) -> Response[PageTeamRead | Problem]:
    """CWD teams with their composition as of a date (embassy keys: their own country's only); CSV has a
    line per roster and role

    Args:
        format_ (CwdTeamsListFormatType0 | None | Unset): `csv` answers text/csv (as does `Accept:
            text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        project (None | str | Unset): Project code, any case
        activity (Activity | None | Unset):
        composition (Composition | None | Unset): The composition as of `as_of`
        as_of (datetime.date | None | Unset): Composition from the latest roster on or before this
            date; default today
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        program (None | str | Unset): Program code, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTeamRead | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        project=project,
        activity=activity,
        composition=composition,
        as_of=as_of,
        updated_since=updated_since,
        partner=partner,
        program=program,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: CwdTeamsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    project: None | str | Unset = UNSET,
    activity: Activity | None | Unset = UNSET,
    composition: Composition | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    program: None | str | Unset = UNSET,
) -> PageTeamRead | Problem | None:
    """CWD teams with their composition as of a date (embassy keys: their own country's only); CSV has a
    line per roster and role

    Args:
        format_ (CwdTeamsListFormatType0 | None | Unset): `csv` answers text/csv (as does `Accept:
            text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        project (None | str | Unset): Project code, any case
        activity (Activity | None | Unset):
        composition (Composition | None | Unset): The composition as of `as_of`
        as_of (datetime.date | None | Unset): Composition from the latest roster on or before this
            date; default today
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        program (None | str | Unset): Program code, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTeamRead | Problem
    """

    return sync_detailed(
        client=client,
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        project=project,
        activity=activity,
        composition=composition,
        as_of=as_of,
        updated_since=updated_since,
        partner=partner,
        program=program,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: CwdTeamsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    project: None | str | Unset = UNSET,
    activity: Activity | None | Unset = UNSET,
    composition: Composition | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    program: None | str | Unset = UNSET,
) -> Response[PageTeamRead | Problem]:
    """CWD teams with their composition as of a date (embassy keys: their own country's only); CSV has a
    line per roster and role

    Args:
        format_ (CwdTeamsListFormatType0 | None | Unset): `csv` answers text/csv (as does `Accept:
            text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        project (None | str | Unset): Project code, any case
        activity (Activity | None | Unset):
        composition (Composition | None | Unset): The composition as of `as_of`
        as_of (datetime.date | None | Unset): Composition from the latest roster on or before this
            date; default today
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        program (None | str | Unset): Program code, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTeamRead | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        project=project,
        activity=activity,
        composition=composition,
        as_of=as_of,
        updated_since=updated_since,
        partner=partner,
        program=program,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: CwdTeamsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    project: None | str | Unset = UNSET,
    activity: Activity | None | Unset = UNSET,
    composition: Composition | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    program: None | str | Unset = UNSET,
) -> PageTeamRead | Problem | None:
    """CWD teams with their composition as of a date (embassy keys: their own country's only); CSV has a
    line per roster and role

    Args:
        format_ (CwdTeamsListFormatType0 | None | Unset): `csv` answers text/csv (as does `Accept:
            text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        project (None | str | Unset): Project code, any case
        activity (Activity | None | Unset):
        composition (Composition | None | Unset): The composition as of `as_of`
        as_of (datetime.date | None | Unset): Composition from the latest roster on or before this
            date; default today
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        program (None | str | Unset): Program code, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTeamRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            limit=limit,
            cursor=cursor,
            include_total=include_total,
            project=project,
            activity=activity,
            composition=composition,
            as_of=as_of,
            updated_since=updated_since,
            partner=partner,
            program=program,
        )
    ).parsed
