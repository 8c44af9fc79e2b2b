"""The matching helpers added to oitbase.thai for extracted text: fuzzy phrase search, re-joined letters."""

from __future__ import annotations

import random

import pytest

from oitbase.thai import Folded, fold, fuzzy_contains, fuzzy_distance, rejoin_spaced_letters


def _levenshtein(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[:], i
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
    return row[-1]


def test_fuzzy_distance_is_the_best_substring_edit_distance():
    rng = random.Random(7)
    for _ in range(300):
        key = "".join(rng.choice("กขค") for _ in range(rng.randint(1, 6)))
        text = "".join(rng.choice("กขคง") for _ in range(rng.randint(0, 9)))
        brute = min(_levenshtein(key, text[i:j]) for i in range(len(text) + 1) for j in range(i, len(text) + 1))
        assert fuzzy_distance(key, text) == brute


@pytest.mark.parametrize(("text", "phrase", "found"), [
    ("xxสานักงานสาธารณสขอาเภอหนองใหญ่ จังหวัดชลบุรีyy", "สำนักงานสาธารณสุขอำเภอหนองใหญ่ จังหวัดชลบุรี", True),
    ("บนทกขอความ", "บันทึกข้อความ", False),  # 2 edits on 12 letters: over 10 %
    ("ประจําปีงบประมาณ ๒๕๒๘", "ประจำปีงบประมาณ ๒๕๖๘", True),  # one misread digit
    ("ประจําปีงบประมาณ ๒๕๒๕", "ประจำปีงบประมาณ ๒๕๖๘", False),
    ("อะไรก็ได้", "", False),
])
def test_fuzzy_contains_allows_ten_percent_edits(text, phrase, found):
    assert fuzzy_contains(text, phrase) is found
    assert fuzzy_contains(Folded(text), phrase) is found


def test_exact_hits_need_no_edits():
    assert fuzzy_contains("แผนปฏิ บั ติ ร าชการ", "แผนปฏิบัติราชการ", tolerance=0)


@pytest.mark.parametrize(("text", "expected"), [
    ("แผนปฏิ บั ติ ร าชการ", "แผนปฏิบัติราชการ"),
    ("วิ เคราะห์", "วิเคราะห์"),
    ("ให้ไว้ ณ วันที่ ๑๕ เมษายน", "ให้ไว้ ณ วันที่ ๑๕ เมษายน"),
    ("ที่ ตั้ง และ มี ปัญหา", "ที่ ตั้ง และ มี ปัญหา"),
    ("Page 1 of 2", "Page 1 of 2"),
])
def test_rejoin_spaced_letters(text, expected):
    out = rejoin_spaced_letters(text)
    assert out == expected
    assert fold(out) == fold(text)  # display only: the matching key is unchanged
