import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.kind import Kind
from ...models.page_training_read import PageTrainingRead
from ...models.problem import Problem
from ...models.sort_order import SortOrder
from ...models.topic import Topic
from ...models.trainings_list_format_type_0 import TrainingsListFormatType0
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    sort: SortOrder | Unset = UNSET,
    format_: None | TrainingsListFormatType0 | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    fiscal_year: int | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    kind: Kind | None | Unset = UNSET,
    topic: None | Topic | Unset = UNSET,
    q: None | str | Unset = UNSET,
    project: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    host_country: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, TrainingsListFormatType0):
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

    json_fiscal_year: int | None | Unset
    if isinstance(fiscal_year, Unset):
        json_fiscal_year = UNSET
    else:
        json_fiscal_year = fiscal_year
    params["fiscal_year"] = json_fiscal_year

    json_from_fy: int | None | Unset
    if isinstance(from_fy, Unset):
        json_from_fy = UNSET
    else:
        json_from_fy = from_fy
    params["from_fy"] = json_from_fy

    json_to_fy: int | None | Unset
    if isinstance(to_fy, Unset):
        json_to_fy = UNSET
    else:
        json_to_fy = to_fy
    params["to_fy"] = json_to_fy

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

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, Kind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_topic: None | str | Unset
    if isinstance(topic, Unset):
        json_topic = UNSET
    elif isinstance(topic, Topic):
        json_topic = topic.value
    else:
        json_topic = topic
    params["topic"] = json_topic

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_project: None | str | Unset
    if isinstance(project, Unset):
        json_project = UNSET
    else:
        json_project = project
    params["project"] = json_project

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

    json_partner: None | str | Unset
    if isinstance(partner, Unset):
        json_partner = UNSET
    else:
        json_partner = partner
    params["partner"] = json_partner

    json_host_country: None | str | Unset
    if isinstance(host_country, Unset):
        json_host_country = UNSET
    else:
        json_host_country = host_country
    params["host_country"] = json_host_country

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/trainings",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageTrainingRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageTrainingRead.from_dict(response.json())

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
) -> Response[PageTrainingRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    sort: SortOrder | Unset = UNSET,
    format_: None | TrainingsListFormatType0 | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    fiscal_year: int | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    kind: Kind | None | Unset = UNSET,
    topic: None | Topic | Unset = UNSET,
    q: None | str | Unset = UNSET,
    project: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    host_country: None | str | Unset = UNSET,
) -> Response[PageTrainingRead | Problem]:
    """List Trainings

    Args:
        sort (SortOrder | Unset):
        format_ (None | TrainingsListFormatType0 | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        from_date (datetime.date | None | Unset): On or after this date
        to_date (datetime.date | None | Unset): On or before this date
        kind (Kind | None | Unset):
        topic (None | Topic | Unset):
        q (None | str | Unset): Title contains
        project (None | str | Unset): Project code, any case
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        host_country (None | str | Unset): Host country alpha-3, alpha-2 or numeric, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTrainingRead | Problem]
    """

    kwargs = _get_kwargs(
        sort=sort,
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
        from_date=from_date,
        to_date=to_date,
        kind=kind,
        topic=topic,
        q=q,
        project=project,
        updated_since=updated_since,
        program=program,
        partner=partner,
        host_country=host_country,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    sort: SortOrder | Unset = UNSET,
    format_: None | TrainingsListFormatType0 | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    fiscal_year: int | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    kind: Kind | None | Unset = UNSET,
    topic: None | Topic | Unset = UNSET,
    q: None | str | Unset = UNSET,
    project: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    host_country: None | str | Unset = UNSET,
) -> PageTrainingRead | Problem | None:
    """List Trainings

    Args:
        sort (SortOrder | Unset):
        format_ (None | TrainingsListFormatType0 | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        from_date (datetime.date | None | Unset): On or after this date
        to_date (datetime.date | None | Unset): On or before this date
        kind (Kind | None | Unset):
        topic (None | Topic | Unset):
        q (None | str | Unset): Title contains
        project (None | str | Unset): Project code, any case
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        host_country (None | str | Unset): Host country alpha-3, alpha-2 or numeric, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTrainingRead | Problem
    """

    return sync_detailed(
        client=client,
        sort=sort,
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
        from_date=from_date,
        to_date=to_date,
        kind=kind,
        topic=topic,
        q=q,
        project=project,
        updated_since=updated_since,
        program=program,
        partner=partner,
        host_country=host_country,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    sort: SortOrder | Unset = UNSET,
    format_: None | TrainingsListFormatType0 | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    fiscal_year: int | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    kind: Kind | None | Unset = UNSET,
    topic: None | Topic | Unset = UNSET,
    q: None | str | Unset = UNSET,
    project: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    host_country: None | str | Unset = UNSET,
) -> Response[PageTrainingRead | Problem]:
    """List Trainings

    Args:
        sort (SortOrder | Unset):
        format_ (None | TrainingsListFormatType0 | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        from_date (datetime.date | None | Unset): On or after this date
        to_date (datetime.date | None | Unset): On or before this date
        kind (Kind | None | Unset):
        topic (None | Topic | Unset):
        q (None | str | Unset): Title contains
        project (None | str | Unset): Project code, any case
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        host_country (None | str | Unset): Host country alpha-3, alpha-2 or numeric, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTrainingRead | Problem]
    """

    kwargs = _get_kwargs(
        sort=sort,
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
        from_date=from_date,
        to_date=to_date,
        kind=kind,
        topic=topic,
        q=q,
        project=project,
        updated_since=updated_since,
        program=program,
        partner=partner,
        host_country=host_country,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    sort: SortOrder | Unset = UNSET,
    format_: None | TrainingsListFormatType0 | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    fiscal_year: int | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    kind: Kind | None | Unset = UNSET,
    topic: None | Topic | Unset = UNSET,
    q: None | str | Unset = UNSET,
    project: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    host_country: None | str | Unset = UNSET,
) -> PageTrainingRead | Problem | None:
    """List Trainings

    Args:
        sort (SortOrder | Unset):
        format_ (None | TrainingsListFormatType0 | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        from_date (datetime.date | None | Unset): On or after this date
        to_date (datetime.date | None | Unset): On or before this date
        kind (Kind | None | Unset):
        topic (None | Topic | Unset):
        q (None | str | Unset): Title contains
        project (None | str | Unset): Project code, any case
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        host_country (None | str | Unset): Host country alpha-3, alpha-2 or numeric, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTrainingRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            sort=sort,
            format_=format_,
            limit=limit,
            cursor=cursor,
            include_total=include_total,
            fiscal_year=fiscal_year,
            from_fy=from_fy,
            to_fy=to_fy,
            from_date=from_date,
            to_date=to_date,
            kind=kind,
            topic=topic,
            q=q,
            project=project,
            updated_since=updated_since,
            program=program,
            partner=partner,
            host_country=host_country,
        )
    ).parsed
