"""Bytes to text, refusing what is not text: empty input, binary files, undecodable bytes.

UTF-8 is assumed (a UTF-8 byte-order mark is dropped); UTF-16 and UTF-32 are recognised by their byte-order
mark; any other encoding must be named by the caller. A decoding error names the byte and its offset, so the
user can find it, and suggests ``--encoding``.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError

SNIFF_BYTES = 8192
_CHUNK = 1 << 16
#: Signatures of common binary formats that end up in news folders, with advice for each.
_MAGIC = (
    (b"\x89PNG", "a PNG image", "give article text, not images"),
    (b"\xff\xd8\xff", "a JPEG image", "give article text, not images"),
    (b"GIF8", "a GIF image", "give article text, not images"),
    (b"%PDF", "a PDF document", "convert it to text first (for example with pdftotext)"),
    (b"\x1f\x8b", "gzip-compressed data", "decompress it first (gunzip)"),
    (b"BZh", "bzip2-compressed data", "decompress it first (bunzip2)"),
    (b"\xfd7zXZ\x00", "xz-compressed data", "decompress it first (unxz)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data", "decompress it first (unzstd)"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)", "unpack it or export the text first"),
)
#: Byte-order marks, longest first so UTF-32 LE is not mistaken for UTF-16 LE.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # an undecodable byte, kept by "surrogateescape"
_ENCODING_FIX = "pass --encoding latin-1 (or the file's real encoding) or re-save the file as UTF-8"


def choose_encoding(head: bytes, origin: str, encoding: str | None) -> str:
    """Decide how to decode a file from its first bytes, or reject it as empty or binary.

    Args:
        head: the first bytes (up to ``SNIFF_BYTES``).
        origin: the input's name for error messages.
        encoding: an encoding the user named, or None to sniff.

    Returns:
        A Python codec name.

    Raises:
        InputError: empty or whitespace-only input, binary data, or an unknown encoding name.
    """
    if not head.strip():
        raise InputError(origin, "empty file (no text, or only whitespace)", "remove it or give it article text")
    for magic, what, fix in _MAGIC:
        if head.startswith(magic):
            raise InputError(origin, f"binary data ({what}), not text", fix)
    if encoding:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            raise InputError(origin, f"unknown encoding {encoding!r}",
                             "use a Python codec name such as utf-8, latin-1 or cp1252") from None
        return "utf-8-sig" if name == "utf-8" else name
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    _refuse_binary(head, origin)
    return "utf-8-sig"


def _refuse_binary(head: bytes, origin: str) -> None:
    """Reject NUL bytes and a high share of control bytes; spot UTF-16 that lacks its byte-order mark."""
    nuls = head.count(0)
    if nuls:
        if nuls >= len(head) // 3 and (head[1::2].count(0) > 0.9 * len(head) // 2
                                       or head[0::2].count(0) > 0.9 * len(head) // 2):
            raise InputError(origin, "looks like UTF-16 text without a byte-order mark",
                             "pass --encoding utf-16-le (or utf-16-be) or re-save the file as UTF-8")
        raise InputError(origin, f"binary data ({nuls} NUL bytes in the first {len(head)}), not text",
                         "give a text, HTML, JSON Lines or CSV file")
    controls = sum(1 for b in head if (b < 0x20 or b == 0x7F) and b not in _TEXT_CONTROLS)
    if controls > 0.05 * len(head):
        raise InputError(origin, f"binary data ({controls} control bytes in the first {len(head)}), not text",
                         "give a text, HTML, JSON Lines or CSV file")


def decode_error(exc: UnicodeDecodeError, origin: str, encoding: str, offset: int = 0,
                 lines_before: int = 0) -> InputError:
    """Turn a decoding failure into an InputError naming the byte, its file offset and line.

    Args:
        exc: the failure; ``exc.object`` holds the bytes being decoded.
        origin: the input's name.
        encoding: the codec that failed.
        offset: file offset of ``exc.object[0]``.
        lines_before: complete lines that precede ``exc.object`` in the file.
    """
    at = offset + exc.start
    byte = exc.object[exc.start:exc.start + 1]
    line = lines_before + exc.object[:exc.start].count(b"\n") + 1
    shown = "UTF-8" if encoding.startswith("utf-8") else encoding
    problem = f"not valid {shown}: byte 0x{byte.hex().upper()} at offset {at}"
    if encoding.startswith("utf-8"):
        return InputError(origin, f"{problem} (line {line})", _ENCODING_FIX)
    return InputError(origin, f"{problem} (line {line})", "pass the file's real encoding with --encoding")


def decode_document(data: bytes, origin: str, encoding: str | None = None) -> str:
    """Decode a whole single-article file (size already checked by the caller)."""
    codec = choose_encoding(data[:SNIFF_BYTES], origin, encoding)
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise decode_error(exc, origin, codec) from None


def read_capped(stream: BinaryIO, limit: int) -> tuple[bytes, bool]:
    """Read at most ``limit`` bytes; the flag says whether more was left (so oversized input is never held)."""
    data = stream.read(limit + 1)
    return data[:limit], len(data) > limit


def iter_lines(stream: BinaryIO, origin: str, encoding: str | None = None,
               head: bytes | None = None) -> Iterator[tuple[int, str | InputError]]:
    """Stream decoded lines (newline kept) with 1-based line numbers, never holding the whole file.

    In UTF-8 a line with an undecodable byte comes out as an InputError in place of its text, so one bad line
    costs one record; in other encodings decoding stops at the first bad byte.

    Args:
        stream: a binary stream positioned after ``head``.
        origin: the input's name for error messages.
        encoding: an encoding the user named, or None to sniff.
        head: bytes already read from the stream; read here when None.

    Raises:
        InputError: empty or binary input, or undecodable bytes in an encoding other than UTF-8.
    """
    if head is None:
        head = stream.read(SNIFF_BYTES)
    codec = choose_encoding(head, origin, encoding)
    utf8 = codec.startswith("utf-8")
    decoder = codecs.getincrementaldecoder(codec)(errors="surrogateescape" if utf8 else "strict")
    offset = len(codecs.BOM_UTF8) if utf8 and head.startswith(codecs.BOM_UTF8) else 0  # of the current line
    fed, number, pending, chunk = 0, 0, "", head
    while True:
        final = not chunk
        held = decoder.getstate()[0]
        try:
            text = decoder.decode(chunk, final=final)
        except UnicodeDecodeError as exc:
            raise decode_error(exc, origin, codec, fed - len(held), number) from None
        fed += len(chunk)
        *complete, pending = (pending + text).split("\n")
        lines = [line + "\n" for line in complete]
        if final and pending:
            lines.append(pending)
        for line in lines:
            number += 1
            yield number, _bad_bytes(line, origin, number, offset) if utf8 else line
            if utf8:
                offset += len(line.encode("utf-8", "surrogateescape"))
        if final:
            break
        chunk = stream.read(_CHUNK)


def _bad_bytes(line: str, origin: str, number: int, offset: int) -> str | InputError:
    """The line itself, or an InputError naming its first undecodable byte (kept as a surrogate escape)."""
    bad = _ESCAPED_BYTE.search(line)
    if bad is None:
        return line
    i, ch = bad.start(), bad.group()
    at = offset + len(line[:i].encode("utf-8", "surrogateescape"))
    return InputError(origin, f"not valid UTF-8: byte 0x{ord(ch) - 0xDC00:02X} at offset {at} (line {number})",
                      _ENCODING_FIX)
