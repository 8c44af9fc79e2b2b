# ruff: noqa: E501  (long Thai prose and table rows read better unwrapped)
"""Content of items O31–O43 (corruption prevention and integrity measures)."""

from __future__ import annotations

from .content import Ctx, item
from .items_basic import _annual_report
from .model import Block
from .thai import date_th, first_half, td


@item("O31")
def no_gift(c: Ctx, state: str) -> Block:
    docs = []
    for year in ([c.fy, c.fy - 1] if state == "ok" else [c.fy - 1]):
        t = c.thai_digits()
        subject = f"เจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. {year}"
        html = c.announce(subject, [
            f"เพื่อให้การปฏิบัติงานของ{c.name}เป็นไปด้วยความโปร่งใส ตามแนวทางของสำนักงาน ป.ป.ช. "
            "และนโยบายของรัฐบาลในการป้องกันการทุจริต",
            f"ข้าพเจ้า {c.who(c.org.head)} {c.org.head}{c.name} พร้อมด้วยคณะผู้บริหาร สมาชิกสภา พนักงานและพนักงานจ้าง "
            "ขอประกาศเจตนารมณ์ว่าจะไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)"], 2, 10, year - 1, t)
        docs.append(c.doc(f"ประกาศเจตนารมณ์ No Gift Policy ประจำปี {year}", html, year, 2, 10, year - 1))
    return Block("O31", "integrity", "ประกาศเจตนารมณ์ No Gift Policy", "no-gift", "", docs, evidence="doc")


@item("O32")
def no_gift_culture(c: Ctx, state: str) -> Block:
    year = c.fy if state in ("ok", "nothing_done") else c.fy - 1
    if state == "nothing_done":
        why = c.rng.choice(["ติดภารกิจเร่งด่วนด้านการป้องกันและบรรเทาสาธารณภัย", "ไม่ได้รับการจัดสรรงบประมาณสำหรับจัดกิจกรรม",
                            "บุคลากรทุกคนได้รับทราบนโยบายจากประกาศเจตนารมณ์แล้ว"])
        body = (f"<p>ในปีงบประมาณ พ.ศ. {year} {c.name} ไม่ได้จัดกิจกรรมสร้างวัฒนธรรม No Gift Policy เนื่องจาก{why}</p>"
                "<p>หน่วยงานจะพิจารณาจัดกิจกรรมในปีงบประมาณถัดไป</p>")
        return Block("O32", "integrity", f"กิจกรรมสร้างวัฒนธรรม No Gift Policy ปี {year}", "no-gift-culture", body)
    body = (f"<p>เมื่อวันที่ {date_th(c.rng.randint(3, 27), 12, year - 1, False)} {c.name} จัดกิจกรรมสร้างวัฒนธรรม "
            "No Gift Policy ในการประชุมประจำเดือนพนักงาน โดยชี้แจงแนวทางการปฏิบัติตามนโยบายไม่รับของขวัญ "
            "และให้พนักงานทุกคนร่วมลงนามประกาศเจตนารมณ์</p><p><img src='{img}/gal3.png' width='300' alt='กิจกรรม'></p>")
    return Block("O32", "integrity", f"กิจกรรมสร้างวัฒนธรรม No Gift Policy ปี {year}", "no-gift-culture", body)


@item("O33")
def no_gift_report(c: Ctx, state: str) -> Block:
    year = c.fy - 1 if state == "ok" else c.fy - 2
    t = c.thai_digits()
    title = f"รายงานผลการดำเนินการตามนโยบาย No Gift Policy ประจำปีงบประมาณ พ.ศ. {year}"
    html = c.cover(title, c.name, t) + c.table(
        ["ไตรมาส", "การรับของขวัญ/ของกำนัล", "มูลค่า", "การดำเนินการ"],
        [[td(f"ไตรมาสที่ {q}", t), "ไม่มี", "-", "-"] for q in range(1, 5)]) + c.paras(
        "สรุป: ผู้บริหารและเจ้าหน้าที่ไม่มีการรับของขวัญหรือประโยชน์อื่นใดจากการปฏิบัติหน้าที่")
    return Block("O33", "integrity", "รายงานผลตามนโยบาย No Gift Policy", "no-gift-report", "",
                 [c.doc(title, html, year, 15, 10, year)], evidence="doc")


_RISKS = [
    ("การเรียกรับผลประโยชน์ในการพิจารณาอนุญาตก่อสร้างอาคาร", "กองช่าง", 3, 4),
    ("ผลประโยชน์ทับซ้อนในการจัดซื้อจัดจ้าง เจ้าหน้าที่มีความสัมพันธ์กับผู้เสนอราคา", "กองคลัง", 3, 5),
    ("การรับสินบนเพื่อลดหย่อนการประเมินภาษีที่ดินและสิ่งปลูกสร้าง", "กองคลัง", 2, 4),
    ("การใช้ทรัพย์สินของทางราชการเพื่อประโยชน์ส่วนตน", "สำนักปลัด", 2, 2),
]


def _level(score: int) -> str:
    return "สูง" if score >= 12 else "ปานกลาง" if score >= 6 else "ต่ำ"


@item("O34")
def risk_assessment(c: Ctx, state: str) -> Block:
    year = c.fy if state != "wrong_year" else c.fy - 1
    t = c.thai_digits()
    if state == "general_risk":
        title = f"รายงานการประเมินผลการควบคุมภายในและการบริหารจัดการความเสี่ยง ประจำปีงบประมาณ พ.ศ. {year}"
        rows = [["การจัดเก็บรายได้ไม่เป็นไปตามเป้าหมาย", "กองคลัง", "ปานกลาง", "ออกหน่วยจัดเก็บภาษีเคลื่อนที่"],
                ["อุทกภัยในฤดูฝนทำให้ถนนเสียหาย", "กองช่าง", "สูง", "จัดทำแผนป้องกันและบรรเทาสาธารณภัย"],
                ["ระบบสารสนเทศขัดข้อง ข้อมูลสูญหาย", "สำนักปลัด", "ต่ำ", "สำรองข้อมูลเป็นประจำ"]]
        html = c.cover(title, "(ตามหลักเกณฑ์กระทรวงการคลังว่าด้วยมาตรฐานและหลักเกณฑ์ปฏิบัติการควบคุมภายใน)", t) + c.table(
            ["ความเสี่ยง", "หน่วยงาน", "ระดับความเสี่ยง", "การควบคุม/การจัดการ"], rows)
    elif state == "no_risk":
        title = f"รายงานการประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. {year}"
        html = c.cover(title, c.name, t) + c.paras(
            f"คณะทำงานประเมินความเสี่ยงการทุจริตของ{c.name} ได้ประเมินความเสี่ยงในกระบวนงานด้านการอนุมัติอนุญาต "
            "การใช้จ่ายงบประมาณ และการจัดซื้อจัดจ้าง", "<b>ผลการประเมิน: ไม่พบความเสี่ยงการทุจริตและประพฤติมิชอบ</b> "
            "เนื่องจากทุกกระบวนงานมีการควบคุมที่เพียงพอแล้ว")
    else:
        title = f"รายงานการประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. {year}"
        rows = []
        for i, (event, unit, chance, impact) in enumerate(_RISKS, 1):
            rows.append([td(i, t), event, unit, td(chance, t), td(impact, t), td(chance * impact, t),
                         _level(chance * impact),
                         "กำหนดขั้นตอนและระยะเวลาให้ชัดเจน เผยแพร่ขั้นตอนต่อสาธารณะ ให้เจ้าหน้าที่ลงนามไม่มีส่วนได้เสีย"])
        html = c.cover(title, c.name, t) + c.paras(
            "การประเมินใช้เกณฑ์ระดับความเสี่ยง = โอกาส (1-5) × ผลกระทบ (1-5): 12-25 สูง, 6-11 ปานกลาง, 1-5 ต่ำ") + c.table(
            ["ที่", "เหตุการณ์ความเสี่ยงการทุจริต", "หน่วยงาน", "โอกาส", "ผลกระทบ", "คะแนน", "ระดับความเสี่ยง",
             "มาตรการป้องกันความเสี่ยง"], rows)
    docs = [c.doc(title, html, year, 20, 11, year - 1)]
    docs[0].landscape = True
    if state == "ok":
        old = f"รายงานการประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. {c.fy - 1}"
        docs.append(c.doc(old, c.cover(old, c.name, t), c.fy - 1, 20, 11, c.fy - 2))
    return Block("O34", "integrity", "การประเมินความเสี่ยงการทุจริต", "risk-assessment", "", docs, evidence="doc")


@item("O35")
def risk_actions(c: Ctx, state: str) -> Block:
    year = c.fy if state in ("ok", "nothing_done") else c.fy - 1
    t = c.thai_digits()
    title = f"รายงานผลการดำเนินการตามมาตรการจัดการความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. {year}"
    if state == "nothing_done":  # right header, year and title; the content says nothing was done
        html = c.cover(title, f"({first_half(year, t)})", t)
        if c.rng.random() < 0.5:
            html += c.paras("<b>ผลการดำเนินการ:</b> ไม่ได้ดำเนินการ เนื่องจากไม่พบความเสี่ยง")
        else:
            html += c.table(["ความเสี่ยง", "ผู้รับผิดชอบ", "ผลการดำเนินการ"],
                            [["-", "-", "ไม่ได้ดำเนินการ เนื่องจากไม่พบความเสี่ยงการทุจริตและประพฤติมิชอบ"]])
    else:
        rows = [[e, u, "ดำเนินการตามมาตรการแล้ว เผยแพร่ขั้นตอนบนเว็บไซต์และบอร์ดประชาสัมพันธ์"] for e, u, _, _ in _RISKS[:3]]
        html = c.cover(title, f"({first_half(year, t)})", t) + c.table(["ความเสี่ยง", "ผู้รับผิดชอบ", "ผลการดำเนินการ"], rows)
    return Block("O35", "integrity", "การดำเนินการจัดการความเสี่ยงการทุจริต", "risk-actions", "",
                 [c.doc(title, html, year, 25, 3, year)], evidence="doc")


@item("O36")
def anti_plan(c: Ctx, state: str) -> Block:
    start = c.fy - 1 if state == "ok" else c.fy - 5
    t = c.thai_digits()
    title = f"แผนปฏิบัติการป้องกันการทุจริต 4 ปี (พ.ศ. {start} - {start + 3})"
    rows = [[x, td(f"{c.rng.randint(0, 5) * 10000:,}", t)] * 1 + [td(f"{start + 1}", t)] for x in
            ["โครงการอบรมคุณธรรมจริยธรรมแก่ผู้บริหาร สมาชิกสภา และพนักงาน", "มาตรการป้องกันผลประโยชน์ทับซ้อน",
             "กิจกรรมเผยแพร่ข้อมูลข่าวสารด้านการจัดซื้อจัดจ้าง", "มาตรการจัดการเรื่องร้องเรียนการทุจริต"]]
    html = c.cover(title, c.name, t) + c.table(["โครงการ/กิจกรรม/มาตรการ", "งบประมาณ (บาท)", "ปีที่ดำเนินการ"], rows)
    return Block("O36", "integrity", "แผนปฏิบัติการป้องกันการทุจริต", "anti-corruption-plan", "",
                 [c.doc(title, html, start + 1, 30, 9, start - 1)], evidence="doc")


@item("O37")
def anti_six_month(c: Ctx, state: str) -> Block:
    t = c.thai_digits()
    year = c.fy if state == "ok" else c.fy - 1
    period = first_half(year, t) if state != "wrong_period" else td(f"เมษายน {year} – กันยายน {year}", t)
    title = f"รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. {year} รอบ 6 เดือน"
    html = c.cover(title, f"({period})", t) + c.table(
        ["โครงการ/กิจกรรม", "ผลการดำเนินงาน"],
        [["โครงการอบรมคุณธรรมจริยธรรม", "ดำเนินการแล้ว"], ["มาตรการป้องกันผลประโยชน์ทับซ้อน", "ดำเนินการแล้ว"],
         ["กิจกรรมเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง", "อยู่ระหว่างดำเนินการ"]])
    return Block("O37", "integrity", "รายงานการกำกับติดตามการป้องกันการทุจริต รอบ 6 เดือน", "anti-6m", "",
                 [c.doc(title, html, year, 22, 4, year)], evidence="doc")


@item("O38")
def anti_annual(c: Ctx, state: str) -> Block:
    return _annual_report(c, state, "O38", "integrity", "anti-annual", "รายงานผลการดำเนินการป้องกันการทุจริต",
                          "บางโครงการไม่ได้ดำเนินการเนื่องจากไม่ได้รับการจัดสรรงบประมาณ",
                          c.table(["โครงการ", "ผล"], [["อบรมคุณธรรมจริยธรรม", "ดำเนินการแล้ว"],
                                                      ["เผยแพร่ข้อมูลการจัดซื้อจัดจ้าง", "ดำเนินการแล้ว"]]))


@item("O39")
def ethics_code(c: Ctx, state: str) -> Block:
    html = (f"<h1>ประมวลจริยธรรมของข้าราชการ พนักงาน และลูกจ้าง ของ{c.name}</h1>" + c.paras(
        "อาศัยอำนาจตามพระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. 2562 และประมวลจริยธรรมของเจ้าหน้าที่ของรัฐ",
        "ข้อ 1 ยึดมั่นในสถาบันหลักของประเทศ ข้อ 2 ซื่อสัตย์สุจริต มีจิตสำนึกที่ดี ข้อ 3 กล้าตัดสินใจและกระทำในสิ่งที่ถูกต้อง "
        "ข้อ 4 คิดถึงประโยชน์ส่วนรวมมากกว่าประโยชน์ส่วนตัว ข้อ 5 มุ่งผลสัมฤทธิ์ของงาน ข้อ 6 ปฏิบัติหน้าที่อย่างเป็นธรรม "
        "ข้อ 7 ดำรงตนเป็นแบบอย่างที่ดี"))
    return Block("O39", "integrity", "ประมวลจริยธรรม", "ethics-code", "",
                 [c.doc("ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ", html, None, 1, 2, c.fy - 3)], evidence="doc")


@item("O40")
def ethics_drive(c: Ctx, state: str) -> Block:
    year = c.fy if state in ("ok", "nothing_done") else c.fy - 1
    t = c.thai_digits()
    if state == "nothing_done":  # a memo of the right year: no working group, no Dos & Don'ts, no training
        title = f"รายงานผลการขับเคลื่อนจริยธรรม ประจำปีงบประมาณ พ.ศ. {year}"
        why = c.rng.choice(["อยู่ระหว่างรอแนวทางจากสำนักงานคณะกรรมการมาตรฐานการบริหารงานบุคคลส่วนท้องถิ่น",
                            "ไม่ได้รับการจัดสรรงบประมาณ", "บุคลากรได้รับทราบประมวลจริยธรรมแล้ว"])
        html = (f"<h1>บันทึกข้อความ</h1><p>ส่วนราชการ {c.org.office} {c.name}</p>"
                f"<p>เรื่อง {td(title, t)}</p>" + c.paras(
                    f"ในปีงบประมาณ พ.ศ. {td(year, t)} {c.name} ยังไม่ได้ดำเนินการแต่งตั้งคณะทำงานขับเคลื่อนจริยธรรม "
                    f"ไม่ได้จัดทำแนวทางปฏิบัติ (Dos &amp; Don'ts) และไม่ได้จัดอบรมเสริมสร้างจริยธรรม เนื่องจาก{why}",
                    "จึงเรียนมาเพื่อโปรดทราบ") + f"<p class='c'>วันที่ {date_th(20, 3, year, t)}</p>" + c.signature(c.org.clerk))
        return Block("O40", "integrity", "การขับเคลื่อนจริยธรรม", "ethics-drive", "",
                     [c.doc(title, html, year, 20, 3, year)], evidence="doc")
    title = f"คำสั่งแต่งตั้งคณะทำงานขับเคลื่อนจริยธรรม ประจำปีงบประมาณ พ.ศ. {year}"
    html = (f"<h1>คำสั่ง{c.name}</h1><p class='c'>ที่ {td(c.rng.randint(100, 400), t)}/{td(year - 1, t)}</p>"
            f"<p class='c'>เรื่อง {td(title.removeprefix('คำสั่ง'), t)}</p>" + c.paras(
                f"1. {c.who(c.org.clerk)} {c.org.clerk} ประธานคณะทำงาน", "2. หัวหน้าส่วนราชการทุกส่วน คณะทำงาน",
                "หน้าที่: จัดทำแนวทาง Dos &amp; Don'ts ส่งเสริมการปฏิบัติตามประมวลจริยธรรม และจัดอบรมเสริมสร้างจริยธรรม")
            + f"<p class='c'>สั่ง ณ วันที่ {date_th(8, 11, year - 1, t)}</p>" + c.signature(c.org.head))
    dos = c.doc("แนวทางปฏิบัติตามประมวลจริยธรรม (Dos & Don'ts)", "<h1>Dos &amp; Don'ts</h1>" + c.paras(
        "สิ่งที่ควรทำ: ให้บริการด้วยความเสมอภาค ซื่อสัตย์ โปร่งใส", "สิ่งที่ไม่ควรทำ: รับของขวัญ ใช้ตำแหน่งหน้าที่แสวงหาประโยชน์"),
        year, 15, 11, year - 1)
    return Block("O40", "integrity", "การขับเคลื่อนจริยธรรม", "ethics-drive", "",
                 [c.doc(title, html, year, 8, 11, year - 1), dos], evidence="doc")


@item("O41")
def ethics_assess(c: Ctx, state: str) -> Block:
    year = c.fy - 1 if state == "ok" else c.fy - 2
    t = c.thai_digits()
    title = f"รายงานผลการประเมินจริยธรรมเจ้าหน้าที่ของรัฐ ประจำปีงบประมาณ พ.ศ. {year}"
    html = c.cover(title, c.name, t) + c.paras(
        f"ผลการประเมินการรับรู้และการปฏิบัติตามประมวลจริยธรรมของพนักงาน จำนวน {td(c.rng.randint(30, 80), t)} คน "
        f"อยู่ในระดับดีมาก ร้อยละ {td(c.rng.randint(85, 96), t)}", "ข้อเสนอแนะ: จัดอบรมทบทวนประมวลจริยธรรมปีละ 1 ครั้ง")
    return Block("O41", "integrity", "ผลการประเมินจริยธรรมเจ้าหน้าที่ของรัฐ", "ethics-assess", "",
                 [c.doc(title, html, year, 30, 10, year)], evidence="doc")


_INDICATORS = [
    ("IIT ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ", "บุคลากรบางส่วนยังไม่ทราบแนวทางการขอยืมทรัพย์สินของทางราชการที่ถูกต้อง"),
    ("IIT ตัวชี้วัดที่ 2 การใช้งบประมาณ", "บุคลากรไม่ทราบแผนการใช้จ่ายงบประมาณประจำปีของหน่วยงาน"),
    ("EIT ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน", "ผู้รับบริการเห็นว่าขั้นตอนการให้บริการยังไม่มีการปรับปรุงให้ดีขึ้น"),
    ("OIT ตัวชี้วัดที่ 10 การป้องกันการทุจริต", "ไม่ได้เผยแพร่การประเมินความเสี่ยงการทุจริตและรายงานผลรอบ 6 เดือนให้ครบถ้วน"),
]


@item("O42")
def measures(c: Ctx, state: str) -> Block:
    year = c.fy if state != "wrong_year" else c.fy - 1
    t = c.thai_digits()
    prev = year - 1
    score = c.rng.uniform(70, 84)
    if state == "copied_itas":
        title = f"มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {year}"
        html = c.cover(title, c.name, t) + c.paras(
            f"ข้อเสนอแนะจากระบบ ITAS ผลการประเมิน ITA ประจำปี {td(prev, t)}",
            "IIT: หน่วยงานควรส่งเสริมให้บุคลากรปฏิบัติงานตามมาตรฐาน ควรเผยแพร่แผนการใช้จ่ายงบประมาณให้บุคลากรทราบ",
            "EIT: หน่วยงานควรปรับปรุงคุณภาพการดำเนินงานและประสิทธิภาพการสื่อสาร",
            "OIT: หน่วยงานควรเผยแพร่ข้อมูลให้ครบถ้วนตามที่กำหนด ควรตรวจสอบลิงก์ให้สามารถเข้าถึงได้",
            "ข้อ O42: หน่วยงานต้องแสดงการวิเคราะห์ผลการประเมิน ITA และมาตรการส่งเสริมคุณธรรมและความโปร่งใส")
    else:
        title = f"มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {year}"
        rows = []
        for i, (ind, weak) in enumerate(_INDICATORS, 1):
            rows.append([f"{td(i, t)}. {ind} {weak}", c.org.divisions[i % len(c.org.divisions)] if i != 1 else "ทุกส่วนราชการ",
                         "1) ทบทวนและจัดทำแนวทางปฏิบัติให้ชัดเจน 2) แจ้งเวียนให้บุคลากรทราบในการประชุมประจำเดือน "
                         "3) เผยแพร่บนเว็บไซต์ของหน่วยงาน",
                         "หัวหน้าส่วนราชการติดตามผลทุกไตรมาสและรายงานผู้บริหารทราบในการประชุมประจำเดือน"])
        html = (f"<h1>รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
                f"ประจำปีงบประมาณ พ.ศ. {td(prev, t)}</h1><p class='c'>และ{td(title, t)}</p>" + c.paras(
                    f"<b>1. ผลการประเมิน</b> {c.name} ได้คะแนนภาพรวม {td(f'{score:.2f}', t)} คะแนน "
                    f"(IIT {td(f'{score + 6:.2f}', t)}, EIT {td(f'{score + 2:.2f}', t)}, OIT {td(f'{score - 9:.2f}', t)})",
                    "<b>2. การวิเคราะห์</b> จุดแข็ง: ตัวชี้วัดการปฏิบัติหน้าที่ได้คะแนนสูง สะท้อนว่าบุคลากรปฏิบัติงานตามมาตรฐาน "
                    "จุดอ่อน/ประเด็นที่ต้องแก้ไขโดยเร่งด่วน: ตัวชี้วัดที่ได้คะแนนต่ำกว่า 85 คะแนน ตามตารางด้านล่าง",
                    "<b>3. มาตรการส่งเสริมคุณธรรมและความโปร่งใส</b>")
                + c.table(["ประเด็นข้อบกพร่อง/จุดอ่อน", "ผู้รับผิดชอบ", "มาตรการ/ขั้นตอน/วิธีการปฏิบัติ",
                           "แนวทางการกำกับติดตาม"], rows) + c.signature(c.org.head))
    docs = [c.doc(title, html, year, 15, 1, year)]
    return Block("O42", "integrity", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "ita-measures", "", docs, evidence="doc")


@item("O43")
def measures_done(c: Ctx, state: str) -> Block:
    year = c.fy if state in ("ok", "nothing_done") else c.fy - 1
    t = c.thai_digits()
    title = f"รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {year}"
    short = first_half(year, t, short=True)
    if state == "nothing_done":  # the measures are listed, none was carried out
        why = c.rng.choice(["ผลการประเมิน ITA ปีที่ผ่านมาผ่านเกณฑ์ จึงไม่มีประเด็นที่ต้องดำเนินการ",
                            "อยู่ระหว่างรอการจัดสรรงบประมาณ", "อยู่ระหว่างการเปลี่ยนแปลงผู้บริหาร"])
        rows = [[f"{td(i, t)}. มาตรการ{m}", short, "ยังไม่ได้ดำเนินการ"] for i, m in enumerate(
            ["แนวทางปฏิบัติการใช้ทรัพย์สินของราชการ", "เผยแพร่แผนการใช้จ่ายงบประมาณ", "ปรับปรุงขั้นตอนการให้บริการ",
             "เผยแพร่ข้อมูล OIT ให้ครบถ้วน"], 1)]
        html = c.cover(title, c.name, t) + c.table(["มาตรการ", "ระยะเวลา", "ผลการดำเนินการ"], rows) + c.paras(
            f"สรุป: ในปีงบประมาณ พ.ศ. {td(year, t)} ไม่ได้ดำเนินการตามมาตรการ เนื่องจาก{why}")
        return Block("O43", "integrity", "ผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม", "ita-measures-result", "",
                     [c.doc(title, html, year, 20, 4, year)], evidence="doc")
    rows = [[f"{td(i, t)}. มาตรการ{m}", w, u, short, r] for i, (m, w, u, r) in enumerate([
        ("แนวทางปฏิบัติการใช้ทรัพย์สินของราชการ", "จัดทำคู่มือและแจ้งเวียน", "สำนักปลัด",
         f"ประกาศคู่มือการยืมทรัพย์สิน ลงวันที่ {date_th(5, 1, year, t)} และเผยแพร่บนเว็บไซต์"),
        ("เผยแพร่แผนการใช้จ่ายงบประมาณ", "ชี้แจงในการประชุมประจำเดือน", "กองคลัง",
         f"ชี้แจงในการประชุมพนักงาน วันที่ {date_th(15, 2, year, t)}"),
        ("ปรับปรุงขั้นตอนการให้บริการ", "ลดขั้นตอนและเปิด E-Service", "ทุกส่วนราชการ", "เปิดระบบยื่นคำร้องออนไลน์แล้ว"),
        ("เผยแพร่ข้อมูล OIT ให้ครบถ้วน", "ตรวจสอบข้อมูลรายเดือน", "สำนักปลัด", "ปรับปรุงหน้า ITA บนเว็บไซต์ครบทุกข้อ")], 1)]
    html = c.cover(title, c.name, t) + c.table(["มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา",
                                                 "ผลการดำเนินการ"], rows)
    return Block("O43", "integrity", "ผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม", "ita-measures-result", "",
                 [c.doc(title, html, year, 20, 4, year)], evidence="doc")
