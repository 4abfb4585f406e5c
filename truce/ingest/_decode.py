"""Reading raw bytes as text: size cap, binary sniffing, BOMs, UTF-8 with a cp1252 fallback."""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from truce.errors import BinaryInput, EmptyInput, TooLarge

log = logging.getLogger(__name__)

DEFAULT_SIZE_CAP = 20 * 1024 * 1024

# Signatures of common binary formats people drop into a news folder by mistake.
_MAGIC = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP/DOCX/XLSX"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0", "MS Office (old format)"),
    (b"SQLite format 3", "SQLite database"),
    (b"\x7fELF", "executable"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never appear in text (tab, LF, FF, CR and ESC excepted).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def read_capped(path: Path, source: str, size_cap: int) -> bytes:
    """The bytes of ``path``; ``TooLarge`` before reading anything if it exceeds ``size_cap``."""
    size = path.stat().st_size
    if size > size_cap:
        raise TooLarge(
            source,
            f"file is {_mb(size)}, over the size cap of {_mb(size_cap)} "
            "(split it, or raise the size cap)",
        )
    return path.read_bytes()


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def decode_text(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode bytes of a text document.

    Order: a byte-order mark; else the ``declared`` charset (HTTP header or HTML meta) if it
    decodes; else UTF-8; else cp1252 (a superset of Latin-1's printable range, what Windows
    editors write), with a warning; bytes cp1252 leaves undefined fall back to Latin-1. Empty
    and binary data raise.
    """
    if not data.strip():
        raise EmptyInput(source, "empty file (no text at all)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _nonempty(data.decode(encoding), source)
            except UnicodeDecodeError as e:
                message = f"has a {encoding} byte-order mark but does not decode"
                raise BinaryInput(source, message) from e
    _reject_binary(data, source)
    if declared:
        try:
            codecs.lookup(declared)
        except LookupError:
            log.warning("%s: unknown charset %r declared; guessing", source, declared)
        else:
            try:
                return _nonempty(data.decode(declared), source)
            except UnicodeDecodeError:
                log.warning(
                    "%s: does not decode as its declared charset %s; guessing", source, declared
                )
    try:
        return _nonempty(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    log.warning(
        "%s: not valid UTF-8; decoded as %s (save it as UTF-8 to silence this)", source, encoding
    )
    return _nonempty(text, source)


def _nonempty(text: str, source: str) -> str:
    if not text.strip():
        raise EmptyInput(source, "empty file (only whitespace)")
    return text


def _reject_binary(data: bytes, source: str) -> None:
    head = data[:8192]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise BinaryInput(
                source, f"binary file ({kind}), not text; convert it to text or HTML first"
            )
    controls = len(_CONTROL.findall(head))
    if b"\x00" in head or controls > max(8, len(head) // 100):
        raise BinaryInput(source, "binary file (control bytes in the data), not text")


# Mojibake: UTF-8 bytes that were decoded as cp1252 (or Latin-1) before the text reached us, so
# "’" arrives as "â€™" and "é" as "Ã©". Each such run is a UTF-8 lead byte's character followed
# by continuation bytes' characters; re-encoding the run gives the original character back.
_CONT_BYTES = bytes(range(0x80, 0xC0))
_C1_RAW = "\x81\x8d\x8f\x90\x9d"  # bytes cp1252 leaves undefined, kept as-is by Latin-1
_CONT = "".join(
    c for c in (bytes([b]).decode("cp1252", errors="ignore") for b in _CONT_BYTES) if c
) + _C1_RAW
_CONT_CLASS = "[" + re.escape(_CONT) + "]"
_MOJIBAKE = re.compile(
    rf"[\u00c2-\u00df]{_CONT_CLASS}"  # two-byte sequences
    rf"|[\u00e0-\u00ef]{_CONT_CLASS}{{2}}"  # three-byte
    rf"|[\u00f0-\u00f4]{_CONT_CLASS}{{3}}"  # four-byte
)
_MIN_MOJIBAKE = 2  # one odd pair ("Â·") may be genuine; two or more are not


def _unmangle(run: str) -> str:
    try:
        data = bytes(ord(c) if c in _C1_RAW else c.encode("cp1252")[0] for c in run)
        return data.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return run


def repair_mojibake(text: str) -> tuple[str, int]:
    """Text with UTF-8-read-as-cp1252 runs repaired, and how many were repaired.

    Only runs that re-encode to valid UTF-8 are changed, and only when there are at least two, so
    genuine text is left alone.
    """
    runs = _MOJIBAKE.findall(text)
    if len(runs) < _MIN_MOJIBAKE:
        return text, 0
    repaired = 0

    def fix(m: re.Match[str]) -> str:
        nonlocal repaired
        new = _unmangle(m.group(0))
        repaired += new != m.group(0)
        return new

    fixed = _MOJIBAKE.sub(fix, text)
    return (fixed, repaired) if repaired >= _MIN_MOJIBAKE else (text, 0)
