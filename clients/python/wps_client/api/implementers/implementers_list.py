import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.implementer_kind import ImplementerKind
from ...models.implementers_list_format_type_0 import ImplementersListFormatType0
from ...models.page_implementer_read import PageImplementerRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: ImplementersListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    kind: ImplementerKind | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    country: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ImplementersListFormatType0):
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

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, ImplementerKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    json_country: None | str | Unset
    if isinstance(country, Unset):
        json_country = UNSET
    else:
        json_country = country
    params["country"] = json_country

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/implementers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageImplementerRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageImplementerRead.from_dict(response.json())

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
) -> Response[PageImplementerRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: ImplementersListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    kind: ImplementerKind | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    country: None | str | Unset = UNSET,
) -> Response[PageImplementerRead | Problem]:
    """Organizations that carry out awards (every key reads them)

    Args:
        format_ (ImplementersListFormatType0 | None | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        kind (ImplementerKind | None | Unset):
        q (None | str | Unset): Words of the code or name/title
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        country (None | str | Unset): Country alpha-3, alpha-2 or numeric, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageImplementerRead | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        kind=kind,
        q=q,
        updated_since=updated_since,
        country=country,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: ImplementersListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    kind: ImplementerKind | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    country: None | str | Unset = UNSET,
) -> PageImplementerRead | Problem | None:
    """Organizations that carry out awards (every key reads them)

    Args:
        format_ (ImplementersListFormatType0 | None | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        kind (ImplementerKind | None | Unset):
        q (None | str | Unset): Words of the code or name/title
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        country (None | str | Unset): Country alpha-3, alpha-2 or numeric, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageImplementerRead | Problem
    """

    return sync_detailed(
        client=client,
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        kind=kind,
        q=q,
        updated_since=updated_since,
        country=country,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: ImplementersListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    kind: ImplementerKind | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    country: None | str | Unset = UNSET,
) -> Response[PageImplementerRead | Problem]:
    """Organizations that carry out awards (every key reads them)

    Args:
        format_ (ImplementersListFormatType0 | None | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        kind (ImplementerKind | None | Unset):
        q (None | str | Unset): Words of the code or name/title
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        country (None | str | Unset): Country alpha-3, alpha-2 or numeric, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageImplementerRead | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        kind=kind,
        q=q,
        updated_since=updated_since,
        country=country,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: ImplementersListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    kind: ImplementerKind | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    country: None | str | Unset = UNSET,
) -> PageImplementerRead | Problem | None:
    """Organizations that carry out awards (every key reads them)

    Args:
        format_ (ImplementersListFormatType0 | None | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        kind (ImplementerKind | None | Unset):
        q (None | str | Unset): Words of the code or name/title
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        country (None | str | Unset): Country alpha-3, alpha-2 or numeric, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageImplementerRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            limit=limit,
            cursor=cursor,
            include_total=include_total,
            kind=kind,
            q=q,
            updated_since=updated_since,
            country=country,
        )
    ).parsed
