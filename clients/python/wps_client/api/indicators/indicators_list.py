import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.indicators_list_format_type_0 import IndicatorsListFormatType0
from ...models.page_indicator_read import PageIndicatorRead
from ...models.problem import Problem
from ...models.source import Source
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: IndicatorsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    outcome: int | None | Unset = UNSET,
    source: None | Source | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, IndicatorsListFormatType0):
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

    json_outcome: int | None | Unset
    if isinstance(outcome, Unset):
        json_outcome = UNSET
    else:
        json_outcome = outcome
    params["outcome"] = json_outcome

    json_source: None | str | Unset
    if isinstance(source, Unset):
        json_source = UNSET
    elif isinstance(source, Source):
        json_source = source.value
    else:
        json_source = source
    params["source"] = json_source

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    json_program: None | str | Unset
    if isinstance(program, Unset):
        json_program = UNSET
    else:
        json_program = program
    params["program"] = json_program

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/indicators",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageIndicatorRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageIndicatorRead.from_dict(response.json())

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
) -> Response[PageIndicatorRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: IndicatorsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    outcome: int | None | Unset = UNSET,
    source: None | Source | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
) -> Response[PageIndicatorRead | Problem]:
    """List Indicators

    Args:
        format_ (IndicatorsListFormatType0 | None | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        outcome (int | None | Unset):
        source (None | Source | Unset):
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        program (None | str | Unset): Program code, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageIndicatorRead | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        outcome=outcome,
        source=source,
        updated_since=updated_since,
        program=program,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: IndicatorsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    outcome: int | None | Unset = UNSET,
    source: None | Source | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
) -> PageIndicatorRead | Problem | None:
    """List Indicators

    Args:
        format_ (IndicatorsListFormatType0 | None | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        outcome (int | None | Unset):
        source (None | Source | Unset):
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        program (None | str | Unset): Program code, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageIndicatorRead | Problem
    """

    return sync_detailed(
        client=client,
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        outcome=outcome,
        source=source,
        updated_since=updated_since,
        program=program,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: IndicatorsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    outcome: int | None | Unset = UNSET,
    source: None | Source | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
) -> Response[PageIndicatorRead | Problem]:
    """List Indicators

    Args:
        format_ (IndicatorsListFormatType0 | None | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        outcome (int | None | Unset):
        source (None | Source | Unset):
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        program (None | str | Unset): Program code, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageIndicatorRead | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        outcome=outcome,
        source=source,
        updated_since=updated_since,
        program=program,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: IndicatorsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    outcome: int | None | Unset = UNSET,
    source: None | Source | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
) -> PageIndicatorRead | Problem | None:
    """List Indicators

    Args:
        format_ (IndicatorsListFormatType0 | None | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        outcome (int | None | Unset):
        source (None | Source | Unset):
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        program (None | str | Unset): Program code, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageIndicatorRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            limit=limit,
            cursor=cursor,
            include_total=include_total,
            outcome=outcome,
            source=source,
            updated_since=updated_since,
            program=program,
        )
    ).parsed
