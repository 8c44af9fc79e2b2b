"""Thai writing helpers: digits, months, dates, people and the unit's offices."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from oitbase.thai import to_thai_digits

MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
          "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
MONTHS_SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.",
                "ธ.ค."]


def td(value: object, thai: bool = True) -> str:
    """Write numbers in Thai digits (``thai``) or leave them ASCII."""
    text = str(value)
    return to_thai_digits(text) if thai else text


def fy_months(fy: int) -> list[tuple[int, int]]:
    """(month 1-12, พ.ศ. year) for the twelve months of fiscal year ``fy``, October first."""
    return [(m, fy - 1) for m in (10, 11, 12)] + [(m, fy) for m in range(1, 10)]


def date_th(day: int, month: int, year_be: int, thai: bool = True, short: bool = False) -> str:
    name = MONTHS_SHORT[month - 1] if short else MONTHS[month - 1]
    yr = str(year_be)[-2:] if short else str(year_be)
    return td(f"{day} {name} {yr}", thai)


def first_half(fy: int, thai: bool = True, short: bool = False) -> str:
    """Period of the first six months of fiscal year ``fy`` (Oct–Mar)."""
    if short:
        return td(f"ต.ค. {str(fy - 1)[-2:]} – มี.ค. {str(fy)[-2:]}", thai)
    return td(f"ตุลาคม {fy - 1} – มีนาคม {fy}", thai)


def iso(day: int, month: int, year_be: int) -> str:
    return f"{year_be - 543:04d}{month:02d}{day:02d}"


_FIRST_M = ["สมชาย", "ประเสริฐ", "วิชัย", "สุรชัย", "บุญมี", "ธนากร", "อนุชา", "สมบัติ", "ชาญวิทย์", "ไพโรจน์",
            "เกรียงศักดิ์", "ณรงค์", "ทองใบ", "สุพจน์", "วีระพงษ์", "อำนาจ", "จักรพันธ์", "ปรีชา"]
_FIRST_F = ["สุภาพร", "วนิดา", "กาญจนา", "พรทิพย์", "อรอุมา", "จันทร์เพ็ญ", "ศิริพร", "นันทนา", "รัชนี",
            "ปวีณา", "สุนันทา", "กนกวรรณ", "อัญชลี", "ดวงใจ"]
_LAST = ["ศรีสุข", "บุญเรือง", "แก้วมณี", "ทองดี", "สายสุวรรณ", "พรหมมา", "จันทร์แก้ว", "ไชยวงศ์", "ศรีวิเศษ",
         "ภูมิสุข", "วงศ์ใหญ่", "คำแหง", "ประทุมวัน", "อินทร์ตา", "สิงห์ทอง", "บุตรดี", "มาลัยทอง", "เพชรรัตน์"]


def person(rng: random.Random) -> str:
    if rng.random() < 0.55:
        return f"นาย{rng.choice(_FIRST_M)} {rng.choice(_LAST)}"
    return f"{rng.choice(['นาง', 'นางสาว'])}{rng.choice(_FIRST_F)} {rng.choice(_LAST)}"


def phone(rng: random.Random, mobile: bool = True) -> str:
    if mobile:
        return f"0{rng.choice('689')}{rng.randint(1, 9)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"
    return f"0-{rng.randint(4200, 4599)}-{rng.randint(1000, 9999)}"


@dataclass
class Org:
    """Titles and office holders of the unit, derived from its name and type."""

    name: str
    short: str
    kind: str  # "อบต." | "เทศบาล" | "agency"
    head: str
    deputy: str
    council: str
    clerk: str
    office: str
    bylaw: str
    divisions: list[str]
    people: dict[str, str] = field(default_factory=dict)
    phones: dict[str, str] = field(default_factory=dict)


def make_org(unit_name: str, unit_short: str, unit_type: str, rng: random.Random) -> Org:
    if unit_type == "agency":
        org = Org(unit_name, unit_short, "agency", "ผู้อำนวยการ", "รองผู้อำนวยการ", "คณะกรรมการบริหาร",
                  "หัวหน้าฝ่ายบริหารทั่วไป", "ฝ่ายบริหารทั่วไป", "ระเบียบ",
                  ["ฝ่ายบริหารทั่วไป", "กลุ่มงานยุทธศาสตร์และแผนงาน", "กลุ่มงานการเงินและบัญชี", "กลุ่มงานบริการ"])
    elif unit_name.startswith("เทศบาล"):
        org = Org(unit_name, unit_short, "เทศบาล", "นายกเทศมนตรี", "รองนายกเทศมนตรี", "ประธานสภาเทศบาล",
                  "ปลัดเทศบาล", "สำนักปลัดเทศบาล", "เทศบัญญัติ",
                  ["สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองสาธารณสุขและสิ่งแวดล้อม"])
    else:
        org = Org(unit_name, unit_short, "อบต.", "นายกองค์การบริหารส่วนตำบล", "รองนายกองค์การบริหารส่วนตำบล",
                  "ประธานสภาองค์การบริหารส่วนตำบล", "ปลัดองค์การบริหารส่วนตำบล", "สำนักปลัด", "ข้อบัญญัติ",
                  ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม", "กองสวัสดิการสังคม"])
    roles = [org.head, org.deputy + " คนที่ 1", org.deputy + " คนที่ 2", "เลขานุการ" + org.head, org.council,
             "รอง" + org.council, org.clerk, "รอง" + org.clerk]
    roles += [("หัวหน้า" if d.startswith("สำนัก") or d.startswith("ฝ่าย") else "ผู้อำนวยการ") + d
              for d in org.divisions]
    used: set[str] = set()
    for role in roles:
        name = person(rng)
        while name in used:
            name = person(rng)
        used.add(name)
        org.people[role] = name
        org.phones[role] = phone(rng)
    return org
