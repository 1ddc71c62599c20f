"""The team server as a client reaches it (the command line now, the desktop client in #18):
HTTPS with the certificate checked (a city CA file can be given), plain HTTP only to this PC,
the passphrase sent once for a session token that lives in memory only, German errors with the
command line's exit codes (6 not permitted, 7 changed by someone else, 8 not reachable)."""

from __future__ import annotations

import contextlib
import ipaddress
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import httpx

from sro_case.domain.messages import T
from sro_case.errors import (
    Conflict,
    DatabaseExists,
    DatabaseMissing,
    NotFound,
    PermissionDenied,
    ServerNoAnswer,
    ServerUnreachable,
    SroCaseError,
    StaleExport,
    ValidationError,
    WorkflowError,
    WrongPassphrase,
)

API = "/api/v1"
TIMEOUT_S = 10.0


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_address(url: str) -> str:
    """The server's base URL; plain HTTP is refused for anything but this PC."""
    parts = urlsplit(url.strip().rstrip("/"))
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ServerUnreachable(
            T("„{url}“ ist keine Serveradresse (https://server:port).", url=url)
        )
    if parts.scheme == "http" and not _loopback(parts.hostname):
        raise ServerUnreachable(
            T(
                "Unverschlüsselte Verbindungen (http://) sind nur zu diesem PC erlaubt; "
                "verwenden Sie https://{host}.",
                host=parts.netloc,
            )
        )
    return f"{parts.scheme}://{parts.netloc}"


class TeamServer:
    """One signed-in session on a team server."""

    def __init__(
        self,
        url: str,
        login: str,
        passphrase: str,
        *,
        ca_file: Path | None = None,
        timeout: float = TIMEOUT_S,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = check_address(url)
        self.base = self.url + API
        self.verify: Any = str(ca_file) if ca_file is not None else True
        self._http = httpx.Client(
            base_url=self.base, verify=self.verify, timeout=timeout, transport=transport
        )
        self._sign_in(login, passphrase)

    def _sign_in(self, login: str, passphrase: str) -> None:
        body = self.post("/session", {"login": login, "passphrase": passphrase})
        self.login = str(body["login"])
        self.role = str(body["role"])
        self.name = str(body.get("name", ""))
        self.discipline = str(body.get("discipline", ""))
        self.etag: int | None = None  # the case version the last answer named (``ETag``)
        self._http.headers["Authorization"] = f"Bearer {body['token']}"

    @property
    def token(self) -> str | None:
        """The session's ``Authorization`` header while signed in (memory only)."""
        value = self._http.headers.get("Authorization")
        return str(value) if value else None

    # -- requests ---------------------------------------------------------------------------
    def _send(
        self, method: str, path: str, body: object = None, *, if_match: int | None = None
    ) -> Any:
        headers = {"If-Match": f'"{if_match}"'} if if_match is not None else None
        try:
            r = self._http.request(method, path, json=body, headers=headers)
        except httpx.ConnectError as exc:
            if "CERTIFICATE" in str(exc).upper():
                raise ServerUnreachable(
                    T(
                        "Das Zertifikat des Teamservers {url} ist nicht vertrauenswürdig; "
                        "es wurde nichts gesendet.",
                        url=self.url,
                    )
                ) from exc
            raise ServerUnreachable(
                T("Der Teamserver {url} ist nicht erreichbar.", url=self.url)
            ) from exc
        except httpx.ConnectTimeout as exc:  # nothing was sent
            raise ServerUnreachable(
                T("Der Teamserver {url} ist nicht erreichbar.", url=self.url)
            ) from exc
        except httpx.TimeoutException as exc:
            raise ServerNoAnswer(T("Der Teamserver {url} antwortet nicht.", url=self.url)) from exc
        except httpx.HTTPError as exc:
            raise ServerNoAnswer(
                T("Verbindung zum Teamserver {url} gestört.", url=self.url)
            ) from exc
        tag = r.headers.get("etag", "").strip('"')
        self.etag = int(tag) if tag.isdigit() else None
        if r.status_code == 204:
            return None
        try:
            data = r.json()
        except ValueError:
            data = {"detail": r.text[:200]}
        if r.is_success:
            return data
        raise _error(r.status_code, data)

    def download(self, path: str) -> tuple[bytes, httpx.Headers]:
        """A file the server makes (statistics): its bytes and the answer's headers."""
        try:
            r = self._http.get(path, timeout=max(self._http.timeout.read or 0, 300))
        except httpx.HTTPError as exc:
            raise ServerUnreachable(
                T("Der Teamserver {url} ist nicht erreichbar.", url=self.url)
            ) from exc
        if not r.is_success:
            try:
                data = r.json()
            except ValueError:
                data = {}
            raise _error(r.status_code, data)
        return r.content, r.headers

    def get(self, path: str) -> Any:
        return self._send("GET", path)

    def upload(self, path: str, data: bytes) -> Any:
        """A file as the request's body (an import): waits as long as the server writes."""
        try:
            r = self._http.post(
                path,
                content=data,
                headers={"Content-Type": "application/octet-stream"},
                timeout=max(self._http.timeout.read or 0, 600),
            )
        except httpx.HTTPError as exc:
            raise ServerUnreachable(
                T("Der Teamserver {url} ist nicht erreichbar.", url=self.url)
            ) from exc
        try:
            body = r.json()
        except ValueError:
            body = {"detail": r.text[:200]}
        if not r.is_success:
            raise _error(r.status_code, body)
        return body

    def get_params(self, path: str, params: dict[str, Any]) -> Any:
        from urllib.parse import urlencode

        return self._send("GET", f"{path}?{urlencode(params)}")

    def post(self, path: str, body: object, *, if_match: int | None = None) -> Any:
        return self._send("POST", path, body, if_match=if_match)

    def put(self, path: str, body: object) -> Any:
        return self._send("PUT", path, body)

    def patch(self, path: str, body: object, *, if_match: int | None = None) -> Any:
        return self._send("PATCH", path, body, if_match=if_match)

    def delete(self, path: str) -> Any:
        return self._send("DELETE", path)

    def sign_out(self, *, wait: bool = True) -> None:
        """End the session on the server (the window is locked); ``sign_in_again`` resumes.
        The token is forgotten at once; with ``wait=False`` the server hears of it from a
        background thread (a lock must not wait for the network)."""
        token = self._http.headers.pop("Authorization", None)
        if token is None:
            return

        def tell_server() -> None:
            # unreachable: the session expires on its own (idle, 30 min)
            with contextlib.suppress(httpx.HTTPError):
                self._http.request("DELETE", "/session", headers={"Authorization": token})

        if wait:
            tell_server()
        else:
            import threading

            threading.Thread(target=tell_server, name="sro-case-sign-out", daemon=True).start()

    def sign_in_again(self, passphrase: str) -> None:
        """A new session for the same person (unlocking)."""
        self.sign_out()
        self._sign_in(self.login, passphrase)

    def close(self) -> None:
        try:
            self.sign_out()
        finally:
            self._http.close()

    def __enter__(self) -> TeamServer:
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _exc: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self.close()


# errors the server names by kind and the facade raises as such (``api.german_error``)
_KINDS: dict[str, type[SroCaseError]] = {
    cls.__name__: cls
    for cls in (WorkflowError, StaleExport, NotFound, DatabaseExists, DatabaseMissing)
}


def _error(status: int, data: Any) -> SroCaseError:
    detail = str(data.get("detail", "")) if isinstance(data, dict) else ""
    kind = _KINDS.get(str(data.get("kind", ""))) if isinstance(data, dict) else None
    if kind is not None and status in (400, 404):
        return kind(detail)
    if status == 401:
        return WrongPassphrase(detail or None)
    if status == 403:
        return PermissionDenied(detail or T("Das ist Ihnen nicht erlaubt."))
    if status == 404:
        return NotFound(detail or T("Nicht gefunden."))
    if status == 409:
        return Conflict(detail)
    if status == 422 and isinstance(data, dict) and isinstance(data.get("rows"), list):
        from sro_case.cases.importing import ImportProblem, ImportRejected

        return ImportRejected(
            [
                ImportProblem(int(p["row"]), str(p["column"]), str(p["message"]))
                for p in data["rows"]
            ]
        )
    if status == 422 and isinstance(data, dict) and isinstance(data.get("problems"), list):
        return ValidationError([(p["field"], p["message"]) for p in data["problems"]])
    if status == 422:
        return ValidationError(T("Die Anfrage hat eine ungültige Form."))
    return SroCaseError(
        detail or T("Der Teamserver meldet einen Fehler ({status}).", status=status)
    )
