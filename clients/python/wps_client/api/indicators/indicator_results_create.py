from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.result_create import ResultCreate
from ...models.result_read import ResultRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    *,
    body: ResultCreate,
    force: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["force"] = force

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/indicators/{code}/results".format(
            code=quote(str(code), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ResultRead | None:
    if response.status_code == 201:
        response_201 = ResultRead.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[Problem | ResultRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: ResultCreate,
    force: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | ResultRead]:
    """Enter a fiscal year's result (manual indicators; one per year and partner)

    Args:
        code (str): Indicator code
        force (bool | Unset): Change a locked fiscal year anyway (admin; audited as forced)
            Default: False.
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        body (ResultCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultRead]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
        force=force,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    body: ResultCreate,
    force: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | ResultRead | None:
    """Enter a fiscal year's result (manual indicators; one per year and partner)

    Args:
        code (str): Indicator code
        force (bool | Unset): Change a locked fiscal year anyway (admin; audited as forced)
            Default: False.
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        body (ResultCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultRead
    """

    return sync_detailed(
        code=code,
        client=client,
        body=body,
        force=force,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: ResultCreate,
    force: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | ResultRead]:
    """Enter a fiscal year's result (manual indicators; one per year and partner)

    Args:
        code (str): Indicator code
        force (bool | Unset): Change a locked fiscal year anyway (admin; audited as forced)
            Default: False.
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        body (ResultCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultRead]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
        force=force,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    body: ResultCreate,
    force: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | ResultRead | None:
    """Enter a fiscal year's result (manual indicators; one per year and partner)

    Args:
        code (str): Indicator code
        force (bool | Unset): Change a locked fiscal year anyway (admin; audited as forced)
            Default: False.
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        body (ResultCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultRead
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            body=body,
            force=force,
            idempotency_key=idempotency_key,
        )
    ).parsed
