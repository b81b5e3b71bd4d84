import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cwd_rosters_list_format_type_0 import CwdRostersListFormatType0
from ...models.page_roster_read import PageRosterRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    team_id: int,
    *,
    format_: CwdRostersListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, CwdRostersListFormatType0):
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

    json_from_date: None | str | Unset
    if isinstance(from_date, Unset):
        json_from_date = UNSET
    elif isinstance(from_date, datetime.date):
        json_from_date = from_date.isoformat()
    else:
        json_from_date = from_date
    params["from_date"] = json_from_date

    json_to_date: None | str | Unset
    if isinstance(to_date, Unset):
        json_to_date = UNSET
    elif isinstance(to_date, datetime.date):
        json_to_date = to_date.isoformat()
    else:
        json_to_date = to_date
    params["to_date"] = json_to_date

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/cwd-teams/{team_id}/rosters".format(
            team_id=quote(str(team_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageRosterRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageRosterRead.from_dict(response.json())

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
) -> Response[PageRosterRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    team_id: int,
    *,
    client: AuthenticatedClient,
    format_: CwdRostersListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[PageRosterRead | Problem]:
    """A team's rosters, oldest first (its history)

    Args:
        team_id (int):
        format_ (CwdRostersListFormatType0 | None | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        from_date (datetime.date | None | Unset): On or after this date
        to_date (datetime.date | None | Unset): On or before this date
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRosterRead | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        from_date=from_date,
        to_date=to_date,
        updated_since=updated_since,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    team_id: int,
    *,
    client: AuthenticatedClient,
    format_: CwdRostersListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> PageRosterRead | Problem | None:
    """A team's rosters, oldest first (its history)

    Args:
        team_id (int):
        format_ (CwdRostersListFormatType0 | None | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        from_date (datetime.date | None | Unset): On or after this date
        to_date (datetime.date | None | Unset): On or before this date
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRosterRead | Problem
    """

    return sync_detailed(
        team_id=team_id,
        client=client,
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        from_date=from_date,
        to_date=to_date,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    team_id: int,
    *,
    client: AuthenticatedClient,
    format_: CwdRostersListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[PageRosterRead | Problem]:
    """A team's rosters, oldest first (its history)

    Args:
        team_id (int):
        format_ (CwdRostersListFormatType0 | None | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        from_date (datetime.date | None | Unset): On or after this date
        to_date (datetime.date | None | Unset): On or before this date
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRosterRead | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        from_date=from_date,
        to_date=to_date,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    team_id: int,
    *,
    client: AuthenticatedClient,
    format_: CwdRostersListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> PageRosterRead | Problem | None:
    """A team's rosters, oldest first (its history)

    Args:
        team_id (int):
        format_ (CwdRostersListFormatType0 | None | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        from_date (datetime.date | None | Unset): On or after this date
        to_date (datetime.date | None | Unset): On or before this date
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRosterRead | Problem
    """

    return (
        await asyncio_detailed(
            team_id=team_id,
            client=client,
            format_=format_,
            limit=limit,
            cursor=cursor,
            include_total=include_total,
            from_date=from_date,
            to_date=to_date,
            updated_since=updated_since,
        )
    ).parsed
