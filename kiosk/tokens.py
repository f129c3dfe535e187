"""Badge tokens: the QR payload `B:CODE:VERSION:MAC`, signed with the event's secret.

Only QR alphanumeric characters (upper-case letters, digits, and `:`), about 26 characters, so the
code stays small. The MAC is 80 bits of HMAC-SHA256 over the event, the code and the badge version,
in base32; it is checked (in constant time) before anything is looked up.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

PREFIX = "B"
MAC_BYTES = 10  # 80 bits
MAC_CHARS = 16  # base32 of 10 bytes, no padding
MAX_SCAN = 256
PAYLOAD = re.compile(rf"{PREFIX}:([A-Z0-9-]{{1,12}}):([0-9]{{1,4}}):([A-Z2-7]{{{MAC_CHARS}}})")


class BadToken(ValueError):
    """Not a badge of this event: garbage, truncated, tampered or signed for another event."""


@dataclass(frozen=True)
class Badge:
    code: str
    version: int


def new_secret() -> str:
    return secrets.token_hex(32)


def _mac(secret: str, event_slug: str, code: str, version: int) -> str:
    message = f"{event_slug}:{code}:{version}".encode()
    digest = hmac.new(bytes.fromhex(secret), message, hashlib.sha256).digest()[:MAC_BYTES]
    return base64.b32encode(digest).decode("ascii")


def sign(secret: str, event_slug: str, code: str, version: int) -> str:
    return f"{PREFIX}:{code}:{version}:{_mac(secret, event_slug, code, version)}"


def normalise(scan: str) -> str | None:
    """The scan as a candidate payload: blanks trimmed, upper case; None when it cannot be one."""
    if len(scan) > MAX_SCAN or any(ord(char) < 32 or ord(char) == 127 for char in scan.strip()):
        return None
    return scan.strip().upper()


def verify(secret: str, event_slug: str, scan: str) -> Badge:
    """The badge a scan names, or BadToken. Works offline: nothing is looked up."""
    payload = normalise(scan)
    match = PAYLOAD.fullmatch(payload or "")
    if match is None:
        raise BadToken("not a badge")
    code, version, mac = match.group(1), int(match.group(2)), match.group(3)
    if not hmac.compare_digest(mac, _mac(secret, event_slug, code, version)):
        raise BadToken("signature does not match")
    return Badge(code, version)


def looks_complete(text: str) -> bool:
    """A whole payload's shape, for scanners that send no Enter."""
    return PAYLOAD.fullmatch((text or "").strip().upper()) is not None
