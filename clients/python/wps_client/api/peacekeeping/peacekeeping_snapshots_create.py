from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.peacekeeping_snapshots_create_files_body import PeacekeepingSnapshotsCreateFilesBody
from ...models.problem import Problem
from ...models.snapshot_upload import SnapshotUpload
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: PeacekeepingSnapshotsCreateFilesBody | File | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/peacekeeping/snapshots",
    }

    if isinstance(body, PeacekeepingSnapshotsCreateFilesBody):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "text/csv"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | SnapshotUpload | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 201:
        response_201 = SnapshotUpload.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[Any | Problem | SnapshotUpload]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PeacekeepingSnapshotsCreateFilesBody | File | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Any | Problem | SnapshotUpload]:
    """Upload a UN 'uniformed personnel by gender' CSV: a snapshot per reporting date

     Each Last_Reporting_Date in the file becomes a snapshot, all in one transaction. Rows whose code is
    no country (`#N/A`, `BDS`) are left out and listed in `skipped_rows`; any other bad cell refuses the
    whole file (422, each error with its row, column and pointer). The same bytes again answer the
    stored snapshots (`created: false`, 200); that does not make an older upload current again: reports
    use the newest upload of a month unless asked for `snapshot=ID`. Location: the snapshot, or the list
    of the file's snapshots when it held several months.

    Args:
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        body (PeacekeepingSnapshotsCreateFilesBody):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SnapshotUpload]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PeacekeepingSnapshotsCreateFilesBody | File | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Any | Problem | SnapshotUpload | None:
    """Upload a UN 'uniformed personnel by gender' CSV: a snapshot per reporting date

     Each Last_Reporting_Date in the file becomes a snapshot, all in one transaction. Rows whose code is
    no country (`#N/A`, `BDS`) are left out and listed in `skipped_rows`; any other bad cell refuses the
    whole file (422, each error with its row, column and pointer). The same bytes again answer the
    stored snapshots (`created: false`, 200); that does not make an older upload current again: reports
    use the newest upload of a month unless asked for `snapshot=ID`. Location: the snapshot, or the list
    of the file's snapshots when it held several months.

    Args:
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        body (PeacekeepingSnapshotsCreateFilesBody):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SnapshotUpload
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PeacekeepingSnapshotsCreateFilesBody | File | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Any | Problem | SnapshotUpload]:
    """Upload a UN 'uniformed personnel by gender' CSV: a snapshot per reporting date

     Each Last_Reporting_Date in the file becomes a snapshot, all in one transaction. Rows whose code is
    no country (`#N/A`, `BDS`) are left out and listed in `skipped_rows`; any other bad cell refuses the
    whole file (422, each error with its row, column and pointer). The same bytes again answer the
    stored snapshots (`created: false`, 200); that does not make an older upload current again: reports
    use the newest upload of a month unless asked for `snapshot=ID`. Location: the snapshot, or the list
    of the file's snapshots when it held several months.

    Args:
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        body (PeacekeepingSnapshotsCreateFilesBody):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SnapshotUpload]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PeacekeepingSnapshotsCreateFilesBody | File | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Any | Problem | SnapshotUpload | None:
    """Upload a UN 'uniformed personnel by gender' CSV: a snapshot per reporting date

     Each Last_Reporting_Date in the file becomes a snapshot, all in one transaction. Rows whose code is
    no country (`#N/A`, `BDS`) are left out and listed in `skipped_rows`; any other bad cell refuses the
    whole file (422, each error with its row, column and pointer). The same bytes again answer the
    stored snapshots (`created: false`, 200); that does not make an older upload current again: reports
    use the newest upload of a month unless asked for `snapshot=ID`. Location: the snapshot, or the list
    of the file's snapshots when it held several months.

    Args:
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        body (PeacekeepingSnapshotsCreateFilesBody):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SnapshotUpload
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
