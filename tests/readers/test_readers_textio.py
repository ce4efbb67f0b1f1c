"""Decoding article bytes: every encoding real sources use, and clear errors for the rest."""

from __future__ import annotations

import codecs

import pytest
from readers_support import problems

from generator.diagnostics import Diagnostics
from generator.textio import decode_article

UKRAINIAN = "Мер заявив: «Міст відкриють у травні».\nЕксперти сумніваються.\n"


def decode(data: bytes) -> tuple[str | None, str | None, Diagnostics]:
    diags = Diagnostics()
    decoded = decode_article(data, "content/articles/a.txt", diags)
    return (decoded.text if decoded else None), (decoded.encoding if decoded else None), diags


def test_plain_utf8_is_returned_unchanged() -> None:
    assert decode(UKRAINIAN.encode("utf-8"))[:2] == (UKRAINIAN, "utf-8")


def test_utf8_byte_order_mark_is_removed() -> None:
    text, encoding, diags = decode(codecs.BOM_UTF8 + b"Title\nBody\n")
    assert (text, encoding, len(diags)) == ("Title\nBody\n", "utf-8", 0)


def test_crlf_and_lone_cr_become_lf() -> None:
    text, _, _ = decode(b"Title\r\n\r\nFirst\rSecond\r\n")
    assert text == "Title\n\nFirst\nSecond\n"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le")],
)
def test_utf16_and_utf32_with_byte_order_mark(bom: bytes, codec: str) -> None:
    text, encoding, diags = decode(bom + UKRAINIAN.replace("\n", "\r\n").encode(codec))
    assert (text, encoding, len(diags)) == (UKRAINIAN, codec, 0)


def test_windows_1251_cyrillic_is_detected() -> None:
    text, encoding, diags = decode(UKRAINIAN.encode("cp1251"))
    assert (text, encoding, len(diags)) == (UKRAINIAN, "cp1251", 0)


def test_windows_1251_russian_with_english_words_is_detected() -> None:
    source = "Путин сказал, что NATO «не враг».\nИсточник: Reuters.\n"
    assert decode(source.encode("cp1251"))[:2] == (source, "cp1251")


def test_latin1_text_is_not_mistaken_for_cyrillic() -> None:
    # Through cp1251, "é" would read as "й": words mixing scripts give it away.
    text, _, diags = decode("Le président a déclaré que la réunion était reportée.\n".encode("latin-1"))
    assert text is None
    assert problems(diags) == [("error", "encoding", "content/articles/a.txt:1:6")]  # the "é" of "président"
    assert "not valid UTF-8 (byte 0xe9)" in diags.errors[0].message


def test_invalid_bytes_are_reported_at_their_line_and_column() -> None:
    text, _, diags = decode(b"Title\nGood line\nbad \xff\xfe\xfd bytes \x81\x82\n")
    assert text is None
    assert problems(diags) == [("error", "encoding", "content/articles/a.txt:3:5")]


def test_nul_bytes_mean_binary() -> None:
    text, _, diags = decode(b"Title\nbody\x00\x00\x01 more")
    assert text is None
    assert problems(diags) == [("error", "binary-file", "content/articles/a.txt:2:5")]


def test_utf16_without_byte_order_mark_is_refused_with_a_hint() -> None:
    text, _, diags = decode("Title\nBody\n".encode("utf-16-le"))
    assert text is None
    assert diags.errors[0].code == "binary-file"
    assert "UTF-16 without a byte-order mark" in diags.errors[0].message


def test_known_binary_formats_are_named() -> None:
    _, _, diags = decode(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\nobj")
    assert problems(diags) == [("error", "binary-file", "content/articles/a.txt:1:1")]
    assert "PDF" in diags.errors[0].message


def test_broken_utf16_after_its_byte_order_mark_is_an_encoding_error() -> None:
    _, _, diags = decode(codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    assert [d.code for d in diags] == ["encoding"]


def test_many_control_characters_mean_binary() -> None:
    _, _, diags = decode(bytes(range(1, 9)) * 20)
    assert [d.code for d in diags] == ["binary-file"]


def test_rtf_is_named_rather_than_parsed_as_json() -> None:
    _, _, diags = decode(b"{\\rtf1\\ansi Title\\par Body}")
    assert [d.code for d in diags] == ["binary-file"]
    assert "RTF" in diags.errors[0].message
