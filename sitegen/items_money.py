# ruff: noqa: E501  (long Thai prose and table rows read better unwrapped)
"""Content of items O19–O30 (procurement, human resources, complaints, participation)."""

from __future__ import annotations

from .content import Ctx, item
from .items_basic import _annual_report
from .model import Block
from .thai import MONTHS, date_th, first_half, fy_months, td

_GOODS = [("จัดซื้อวัสดุสำนักงาน", "ร้านสมใจเครื่องเขียน", 18500), ("จัดซื้อน้ำมันเชื้อเพลิง", "หจก.ปั๊มทองพัฒนา", 25000),
          ("จ้างซ่อมแซมรถบรรทุกน้ำ", "อู่ช่างเล็กการช่าง", 32000), ("จัดซื้ออาหารเสริม (นม) โรงเรียน", "สหกรณ์โคนมวังน้ำเย็น จำกัด", 98000),
          ("จ้างเหมาจัดทำป้ายประชาสัมพันธ์", "ร้านศิลป์ดีไซน์", 4500), ("จัดซื้อวัสดุก่อสร้าง", "ร้านวัสดุภัณฑ์", 45600),
          ("จ้างก่อสร้างถนน คสล. หมู่ที่ 7", "หจก.ศรีเจริญก่อสร้าง", 485000), ("จัดซื้อวัสดุคอมพิวเตอร์", "ร้านไอทีช็อป", 12900)]


@item("O19")
def procurement_plan(c: Ctx, state: str) -> Block:
    years = [c.fy, c.fy - 1] if state == "ok" else [c.fy - 1, c.fy - 2]
    docs = []
    for year in years:
        t = c.thai_digits()
        title = f"ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {year}"
        rows = [[td(i, t), g, td(f"{b:,}", t), td(f"{MONTHS[c.rng.choice([10, 11, 12, 1, 2]) - 1]}", t)]
                for i, (g, _, b) in enumerate(_GOODS, 1)]
        html = c.announce(
            f"เผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {year}",
            ["ตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560 มาตรา 11 กำหนดให้หน่วยงานของรัฐจัดทำแผนการ"
             "จัดซื้อจัดจ้างประจำปี และประกาศเผยแพร่ในระบบเครือข่ายสารสนเทศของกรมบัญชีกลางและของหน่วยงานของรัฐ",
             f"{c.name} จึงขอประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {year} ตามเอกสารแนบท้ายประกาศนี้"],
            5, 11, year - 1, t, extra=c.table(["ลำดับ", "รายการ", "วงเงินงบประมาณ (บาท)", "คาดว่าจะประกาศจัดซื้อจัดจ้าง"], rows))
        docs.append(c.doc(title, html, year, 5, 11, year - 1))
    return Block("O19", "procurement", "แผนการจัดซื้อจัดจ้าง", "procurement-plan", "", docs, evidence="doc")


@item("O20")
def procurement_news(c: Ctx, state: str) -> Block:
    year = c.fy if state == "ok" else c.fy - 1
    docs = []
    for i, (g, winner, b) in enumerate(_GOODS[4:8]):
        t = c.thai_digits()
        m, y = fy_months(year)[1 + i * 2]
        day = c.rng.randint(2, 27)
        kind = "ประกาศผู้ชนะการเสนอราคา" if i % 2 else "ประกาศประกวดราคา"
        title = f"{kind} {g} โดยวิธีเฉพาะเจาะจง" if i % 2 else f"{kind} {g} ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)"
        html = c.announce(title, [f"ตามที่{c.name} ได้มีโครงการ{g} ผู้ได้รับการคัดเลือก ได้แก่ {winner} "
                                  f"โดยเสนอราคาเป็นเงินทั้งสิ้น {b:,} บาท (รวมภาษีมูลค่าเพิ่มและภาษีอื่น ค่าขนส่ง ค่าจดทะเบียน "
                                  "และค่าใช้จ่ายอื่น ๆ ทั้งปวง)"], day, m, y, t)
        docs.append(c.doc(f"{title} ({date_th(day, m, y, False, True)})", html, year, day, m, y))
    return Block("O20", "procurement", "ประกาศจัดซื้อจัดจ้าง", "procurement-news",
                 "<p>ประกาศจัดซื้อจัดจ้าง/ประกาศผู้ชนะการเสนอราคา</p>", docs, evidence="page")


@item("O21")
def monthly_summary(c: Ctx, state: str) -> Block:
    year = c.fy if state == "ok" else c.fy - 1
    docs = []
    for m, y in fy_months(year)[:6]:
        t = c.thai_digits()
        rows = []
        for i, (g, winner, b) in enumerate(c.rng.sample(_GOODS[:6], 3), 1):
            price = int(b * c.rng.uniform(0.93, 1.0))
            rows.append([td(i, t), g, td(f"{b:,}", t), td(f"{b:,}", t), "เฉพาะเจาะจง",
                         f"{winner} / {td(f'{price:,}', t)}", f"{winner} / {td(f'{price:,}', t)}",
                         "เป็นผู้มีอาชีพโดยตรง<br>ราคาไม่เกินวงเงิน",
                         td(f"{c.rng.randint(1, 120)}/{y} ลว. {c.rng.randint(1, 28)} {MONTHS[m - 1][:3]}.{str(y)[-2:]}", t)])
        title = f"สรุปผลการดำเนินการจัดซื้อจัดจ้าง ประจำเดือน{MONTHS[m - 1]} {y}"
        html = (f"<p>แบบ สขร.1</p><h1>{td(title, t)}</h1><p class='c'>{c.name}<br>วันที่ {td(date_th(5, m % 12 + 1, y if m < 12 else y + 1, t), t)}</p>"
                + c.table(["ลำดับ<br>ที่", "งานที่จัดซื้อ<br>หรือจัดจ้าง", "วงเงินที่จะ<br>ซื้อหรือจ้าง", "ราคากลาง",
                           "วิธีซื้อ<br>หรือจ้าง", "รายชื่อผู้เสนอราคา<br>และราคาที่เสนอ",
                           "ผู้ได้รับการคัดเลือก<br>และราคาที่ตกลง<br>ซื้อหรือจ้าง", "เหตุผลที่คัดเลือก<br>โดยสังเขป",
                           "เลขที่และวันที่<br>ของสัญญาหรือ<br>ข้อตกลงในการ<br>ซื้อหรือจ้าง"], rows))
        docs.append(c.doc(title, html, year, 5, m % 12 + 1, y if m < 12 else y + 1))
        docs[-1].landscape = True
    return Block("O21", "procurement", "สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.1)", "procurement-monthly",
                 "<p>สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน (แบบ สขร.1)</p>", docs, evidence="page")


@item("O22")
def procurement_annual(c: Ctx, state: str) -> Block:
    rows = [["เฉพาะเจาะจง", td(c.rng.randint(60, 140)), td(f"{c.rng.randint(20, 60) * 100000:,}")],
            ["ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", td(c.rng.randint(2, 9)), td(f"{c.rng.randint(30, 90) * 100000:,}")],
            ["คัดเลือก", td(c.rng.randint(0, 3)), td(f"{c.rng.randint(0, 9) * 100000:,}")]]
    table = c.table(["วิธีการจัดซื้อจัดจ้าง", "จำนวนโครงการ", "งบประมาณที่ใช้ในการจัดซื้อจัดจ้าง (บาท)"], rows)
    return _annual_report(c, state, "O22", "procurement", "procurement-annual",
                          "รายงานผลการจัดซื้อจัดจ้างและการจัดหาพัสดุ",
                          "ผู้ประกอบการในพื้นที่มีน้อย การกำหนดราคากลางงานก่อสร้างใช้เวลานาน", table)


@item("O23")
def hr_plan(c: Ctx, state: str) -> Block:
    start = c.fy if state == "ok" else c.fy - 3
    t = c.thai_digits()
    title = f"แผนพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. {start} - {start + 2}"
    html = c.cover(title, c.name, t) + c.paras(
        "<b>นโยบายการบริหารทรัพยากรบุคคล</b> 1) ด้านการสรรหาคนดีคนเก่ง 2) ด้านการพัฒนาบุคลากร "
        "3) ด้านการรักษาไว้ซึ่งบุคลากร 4) ด้านคุณภาพชีวิตและความผาสุกในการทำงาน 5) ด้านจริยธรรม",
        f"แผนนี้ใช้สำหรับปีงบประมาณ พ.ศ. {td(start, t)} – {td(start + 2, t)}")
    return Block("O23", "hr", "แผนพัฒนาบุคลากร/นโยบายการบริหารทรัพยากรบุคคล", "hr-plan", "",
                 [c.doc(title, html, start, 1, 10, start - 1)], evidence="doc")


@item("O24")
def hr_progress(c: Ctx, state: str) -> Block:
    t = c.thai_digits()
    year = c.fy if state in ("ok", "nothing_done") else c.fy - 1
    period = first_half(year, t) if state != "wrong_period" else td(f"เมษายน – กันยายน {year}", t)
    title = f"รายงานผลการดำเนินการตามแผนพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. {year} รอบ 6 เดือน"
    plan = ["อบรมหลักสูตรการจัดซื้อจัดจ้างภาครัฐ", "อบรมคุณธรรมจริยธรรมพนักงาน", "การประเมินผลการปฏิบัติงาน รอบที่ 1",
            "ส่งบุคลากรเข้ารับการฝึกอบรมกับสถาบันพัฒนาบุคลากรท้องถิ่น"]
    if state == "nothing_done":  # the report of the right half-year says nothing of the plan was carried out
        why = c.rng.choice(["ไม่ได้รับการจัดสรรงบประมาณ", "อยู่ระหว่างรอหลักสูตรการฝึกอบรมจากหน่วยงานภายนอก",
                            "บุคลากรมีภาระงานประจำมาก ไม่สามารถจัดกิจกรรมได้ตามแผน"])
        rows = [[x, td(0, t), "ยังไม่ได้ดำเนินการ"] for x in plan]
        html = c.cover(title, f"({period})", t) + c.paras(
            f"ในรอบ {td(6, t)} เดือนแรกของปีงบประมาณ {c.name} ยังไม่ได้ดำเนินการตามแผนพัฒนาบุคลากร เนื่องจาก{why}") + c.table(
            ["กิจกรรม", "จำนวนผู้เข้าร่วม (คน)", "ผล"], rows)
        return Block("O24", "hr", "ผลการดำเนินการตามแผนพัฒนาบุคลากร", "hr-progress", "",
                     [c.doc(title, html, year, 10, 4, year)], evidence="doc")
    rows = [[x, td(c.rng.randint(3, 30), t), "ดำเนินการแล้ว"] for x in plan]
    html = c.cover(title, f"({period})", t) + c.table(["กิจกรรม", "จำนวนผู้เข้าร่วม (คน)", "ผล"], rows)
    return Block("O24", "hr", "ผลการดำเนินการตามแผนพัฒนาบุคลากร", "hr-progress", "",
                 [c.doc(title, html, year, 10, 4, year)], evidence="doc")


@item("O25")
def hr_rules(c: Ctx, state: str) -> Block:
    html = c.cover("หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", c.name, False) + c.paras(
        "1. หลักเกณฑ์การสรรหาและคัดเลือกบุคลากร ตามประกาศคณะกรรมการพนักงานส่วนท้องถิ่น",
        "2. หลักเกณฑ์การแต่งตั้งและเลื่อนระดับ", "3. หลักเกณฑ์การพัฒนาบุคลากร",
        "4. หลักเกณฑ์การประเมินผลการปฏิบัติงาน ปีละ 2 ครั้ง", "5. หลักเกณฑ์การให้คุณให้โทษและการสร้างขวัญกำลังใจ")
    return Block("O25", "hr", "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", "hr-rules", "",
                 [c.doc("หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", html, None, 15, 1, c.fy - 1, fmt="docx")],
                 evidence="doc")


@item("O26")
def hr_annual(c: Ctx, state: str) -> Block:
    rows = [[x, td(c.rng.randint(5, 30)), "บรรลุตามเป้าหมาย"] for x in
            ["การฝึกอบรมเพิ่มพูนความรู้", "การประเมินผลการปฏิบัติงาน", "การสรรหาบุคลากรทดแทนตำแหน่งว่าง"]]
    return _annual_report(c, state, "O26", "hr", "hr-annual", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล",
                          "บุคลากรมีภาระงานมาก ทำให้ไม่สามารถเข้ารับการฝึกอบรมได้ครบตามแผน",
                          c.table(["กิจกรรม", "ผู้เข้าร่วม (คน)", "ผลการดำเนินงาน"], rows))


@item("O27")
def complaint_guide(c: Ctx, state: str) -> Block:
    html = c.cover("คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", c.name, False) + c.paras(
        "1. หน่วยงานรับผิดชอบ: ศูนย์รับเรื่องราวร้องทุกข์ " + c.org.divisions[0],
        "2. ช่องทางการร้องเรียน: ด้วยตนเอง ทางโทรศัพท์ ทางไปรษณีย์ ทางเว็บไซต์ และ Facebook",
        "3. ขั้นตอน: รับเรื่อง → ลงทะเบียน → เสนอผู้บริหาร → ตรวจสอบข้อเท็จจริง → แจ้งผลผู้ร้องภายใน 15 วัน",
        "4. การคุ้มครองผู้ร้องเรียน: เก็บรักษาข้อมูลผู้ร้องเป็นความลับ")
    return Block("O27", "complaint", "คู่มือการจัดการเรื่องร้องเรียนการทุจริต", "complaint-guide", "",
                 [c.doc("คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", html, None, 20, 11, c.fy - 1)],
                 evidence="doc")


@item("O28")
def complaint_form(c: Ctx, state: str) -> Block:
    body = ("<p>แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ ข้อมูลของผู้ร้องเรียนจะถูกเก็บเป็นความลับ</p>"
            "<form method='post' action='#'><p>ชื่อ-สกุล (ไม่ระบุก็ได้) <input name='name'></p>"
            "<p>เรื่องที่ร้องเรียน <input name='subject'></p><p>รายละเอียดการทุจริต/ประพฤติมิชอบ "
            "<textarea name='detail' rows='6'></textarea></p><p>แนบไฟล์ <input type='file' name='file'></p>"
            "<p><button type='submit'>ส่งเรื่องร้องเรียน</button></p></form>")
    return Block("O28", "complaint", "แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "complaint-form", body)


@item("O29")
def complaint_stats(c: Ctx, state: str) -> Block:
    year = c.fy if state == "ok" else c.fy - 1
    t = c.thai_digits()
    rows = [[td(f"{MONTHS[m - 1]} {y}", t), td(0, t), td(0, t), "-"] for m, y in fy_months(year)[:6]]
    title = f"สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. {year}"
    html = c.cover(title, f"({first_half(year, t)})", t) + c.table(
        ["เดือน", "จำนวนเรื่องร้องเรียน", "ดำเนินการแล้วเสร็จ", "หมายเหตุ"], rows) + "<p>สรุป: ไม่มีเรื่องร้องเรียนการทุจริต</p>"
    return Block("O29", "complaint", "สถิติเรื่องร้องเรียนการทุจริต", "complaint-stats", "",
                 [c.doc(title, html, year, 5, 4, year)], evidence="doc")


@item("O30")
def participation(c: Ctx, state: str) -> Block:
    year = c.fy if state == "ok" else c.fy - 1
    day = c.rng.randint(2, 25)
    body = (f"<p>{c.name} จัดประชุมประชาคมหมู่บ้านและประชาคมตำบล เพื่อเปิดโอกาสให้ประชาชนมีส่วนร่วมในการจัดทำ"
            f"แผนพัฒนาท้องถิ่น เมื่อวันที่ {date_th(day, 2, year, False)} ณ ห้องประชุม{c.name} มีผู้เข้าร่วม "
            f"{c.rng.randint(60, 200)} คน ประกอบด้วย ผู้นำชุมชน ประชาชน และส่วนราชการในพื้นที่</p>"
            "<p><img src='{img}/gal1.png' width='300' alt='ภาพกิจกรรม'> <img src='{img}/gal2.png' width='300' alt='ภาพกิจกรรม'></p>")
    return Block("O30", "news", f"ประชุมประชาคมตำบล ปี {year}", "participation", body)
