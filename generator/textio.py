"""Turning an article file's bytes into text, or saying clearly why not.

Articles are saved as collected, so their bytes come in whatever encoding the
source used: UTF-8 with or without a byte-order mark, UTF-16/32 with one, or
Windows-1251 from older Ukrainian and Russian sites. Anything that cannot be
decoded with confidence is reported as a problem naming the file; guessing
would silently corrupt the quotes that verdicts cite.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from generator.diagnostics import Diagnostics, Location

# Longest BOMs first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Well-known binary formats people save by mistake; naming them helps more than "not UTF-8".
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)

# Punctuation that cp1251 texts commonly contain besides Cyrillic letters.
_CP1251_PUNCTUATION = set("«»„“”‘’–—…№•·€™°§©®\u00a0")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode_article(data: bytes, path: str, diags: Diagnostics) -> DecodedText | None:
    """Decoded text with LF line ends, or None after recording why it cannot be read."""
    where = Location(path, 1, 1)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            diags.error("binary-file", f"this looks like {what}, not an article saved as text", where)
            return None
    decoded = _decode_with_bom(data, path, diags)
    if decoded is None and not _has_bom(data):
        decoded = _decode_without_bom(data, path, diags)
    if decoded is None:
        return None
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not _looks_textual(text, path, diags):
        return None
    return DecodedText(text, decoded.encoding)


def _has_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _ in _BOMS)


def _decode_with_bom(data: bytes, path: str, diags: Diagnostics) -> DecodedText | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data[len(bom) :].decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                diags.error(
                    "encoding",
                    f"file starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()} "
                    f"(bad bytes at offset {exc.start + len(bom)}); re-save it as UTF-8",
                    Location(path, 1, 1),
                )
                return None
    return None


def _decode_without_bom(data: bytes, path: str, diags: Diagnostics) -> DecodedText | None:
    if b"\x00" in data:
        diags.error(
            "binary-file",
            "file contains NUL bytes: it is binary, or UTF-16 without a byte-order mark; re-save it as UTF-8",
            _byte_location(data, data.index(b"\x00"), path),
        )
        return None
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if _mostly_utf8(data):
        diags.error(
            "encoding",
            f"file is UTF-8 except for byte 0x{data[first_bad]:02x} here (and any other bad bytes): a damaged "
            "file, or one with text in two encodings; fix or remove the bad bytes, or save the article again",
            _byte_location(data, first_bad, path),
        )
        return None
    cyrillic = _as_cp1251(data)
    if cyrillic is not None:
        return DecodedText(cyrillic, "cp1251")
    diags.error(
        "encoding",
        f"file is not valid UTF-8 (byte 0x{data[first_bad]:02x}) and does not look like Windows-1251 "
        "Cyrillic either; re-save it as UTF-8",
        _byte_location(data, first_bad, path),
    )
    return None


def _mostly_utf8(data: bytes) -> bool:
    """More characters decode as UTF-8 multi-byte sequences than bytes fail to.

    Windows-1251 text does form a few valid UTF-8 pairs by chance (`Ці` is 0xD6 0xB3), but most
    of its letters follow each other, which UTF-8 never allows. UTF-8 text with one bad byte
    read as cp1251 would be archived as mojibake, every quote from it unmatchable.
    """
    text = data.decode("utf-8", errors="replace")
    failed = text.count("\ufffd")
    decoded = sum(1 for ch in text if ord(ch) > 127) - failed
    return decoded > failed


def _as_cp1251(data: bytes) -> str | None:
    """The text if the bytes read as Windows-1251 Cyrillic with confidence, else None.

    Confident means: every non-ASCII character decodes to a Cyrillic letter or
    to punctuation such texts use, and words do not mix Latin and Cyrillic
    letters (which is what Latin-1 accented text looks like through cp1251).
    """
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return None
    cyrillic = sum(1 for ch in non_ascii if _is_cyrillic_letter(ch))
    odd = sum(1 for ch in non_ascii if not _is_cyrillic_letter(ch) and ch not in _CP1251_PUNCTUATION)
    if cyrillic < 3 or odd > len(non_ascii) * 0.02:
        return None
    words = [w for w in _WORD.findall(text) if any(_is_cyrillic_letter(ch) for ch in w)]
    mixed = sum(1 for w in words if any("a" <= ch.lower() <= "z" for ch in w))
    if mixed > max(1, len(words) // 20):
        return None
    return text


def _is_cyrillic_letter(ch: str) -> bool:
    return ch.isalpha() and unicodedata.name(ch, "").startswith("CYRILLIC")


def _looks_textual(text: str, path: str, diags: Diagnostics) -> bool:
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        diags.error("binary-file", "file contains NUL characters: it is not a text article", Location(path, line, 1))
        return False
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        diags.error("binary-file", f"file contains {controls} control characters: it is not a text article",
                    Location(path, 1, 1))
        return False
    return True


def _byte_location(data: bytes, offset: int, path: str) -> Location:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return Location(path, data.count(b"\n", 0, offset) + 1, offset - line_start + 1)
