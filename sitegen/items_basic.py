# ruff: noqa: E501  (long Thai prose and table rows read better unwrapped)
"""Content of items O1–O18 (basic information and management)."""

from __future__ import annotations

from .content import Ctx, esc, item
from .model import Block
from .thai import MONTHS, date_th, first_half, fy_months, td


@item("O1")
def structure(c: Ctx, state: str) -> Block:
    o = c.org
    political = [o.head, o.deputy + " คนที่ 1", o.deputy + " คนที่ 2", "เลขานุการ" + o.head]
    council = [o.council, "รอง" + o.council]
    staff = [o.clerk, "รอง" + o.clerk] + [r for r in o.people if r.endswith(tuple(o.divisions))]
    units = {
        o.divisions[0]: ["งานบริหารทั่วไป", "งานนโยบายและแผน", "งานกฎหมายและคดี", "งานป้องกันและบรรเทาสาธารณภัย"],
        o.divisions[1]: ["งานการเงินและบัญชี", "งานพัฒนาและจัดเก็บรายได้", "งานพัสดุและทรัพย์สิน"],
        o.divisions[2]: ["งานก่อสร้าง", "งานออกแบบและควบคุมอาคาร", "งานประสานสาธารณูปโภค"],
    }
    chart = "".join(
        f"<li><b>{esc(d)}</b><ul>" + "".join(f"<li>{u}</li>" for u in units.get(d, ["งานบริหารทั่วไป"])) + "</ul></li>"
        for d in o.divisions
    )
    body = (
        f"<p>โครงสร้างการบริหารงานของ{c.name} แบ่งออกเป็นฝ่ายการเมืองและฝ่ายประจำ ดังนี้</p>"
        "<p><img src='{img}/orgchart.png' alt='แผนผังโครงสร้างองค์กร' width='600'></p>"
        "<h3>ฝ่ายบริหาร (ฝ่ายการเมือง)</h3><ul>" + "".join(f"<li>{esc(r)}</li>" for r in political) + "</ul>"
        "<h3>ฝ่ายนิติบัญญัติ</h3><ul>" + "".join(f"<li>{esc(r)}</li>" for r in council)
        + f"<li>สมาชิกสภา{o.short} จำนวน {c.rng.randint(9, 18)} คน</li></ul>"
        "<h3>ฝ่ายประจำ</h3><ul>" + "".join(f"<li>{esc(r)}</li>" for r in staff) + "</ul>"
        f"<h3>ส่วนราชการภายใน</h3><ul>{chart}</ul>"
    )
    return Block("O1", "about", "โครงสร้างองค์กร", "structure", body)


@item("O2")
def executives(c: Ctx, state: str) -> Block:
    o = c.org
    roles = [o.head, o.deputy + " คนที่ 1", o.deputy + " คนที่ 2", "เลขานุการ" + o.head, o.council, o.clerk]
    cards = []
    for i, role in enumerate(roles, 1):
        if state == "no_photo":
            cards.append(f"<div class='person'><p><b>{esc(c.who(role))}</b><br>{esc(role)}</p></div>")
        else:
            cards.append(
                f"<div class='person'><img src='{{img}}/exec{i}.png' alt='{esc(c.who(role))}' width='120'>"
                f"<p><b>{esc(c.who(role))}</b><br>{esc(role)}<br>โทร. {o.phones[role]}</p></div>"
            )
    body = f"<p>คณะผู้บริหาร{c.name}</p><div class='people'>{''.join(cards)}</div>"
    return Block("O2", "personnel", "คณะผู้บริหาร", "executives", body)


@item("O3")
def authority(c: Ctx, state: str) -> Block:
    if c.org.kind == "เทศบาล":
        law = "พระราชบัญญัติเทศบาล พ.ศ. 2496 และที่แก้ไขเพิ่มเติม มาตรา 50 และมาตรา 51"
    else:
        law = "พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537 และที่แก้ไขเพิ่มเติม มาตรา 66 มาตรา 67 และมาตรา 68"
    duties = ["จัดให้มีและบำรุงรักษาทางน้ำและทางบก", "รักษาความสะอาดของถนน ทางน้ำ ทางเดิน และที่สาธารณะ รวมทั้งกำจัดขยะมูลฝอย",
              "ป้องกันโรคและระงับโรคติดต่อ", "ป้องกันและบรรเทาสาธารณภัย", "ส่งเสริมการศึกษา ศาสนา และวัฒนธรรม",
              "ส่งเสริมการพัฒนาสตรี เด็ก เยาวชน ผู้สูงอายุ และผู้พิการ", "คุ้มครอง ดูแล และบำรุงรักษาทรัพยากรธรรมชาติและสิ่งแวดล้อม",
              "บำรุงรักษาศิลปะ จารีตประเพณี ภูมิปัญญาท้องถิ่น และวัฒนธรรมอันดีของท้องถิ่น"]
    body = (f"<p>{c.name} มีอำนาจหน้าที่ในการพัฒนาตำบลทั้งในด้านเศรษฐกิจ สังคม และวัฒนธรรม ตาม{law} "
            "และพระราชบัญญัติกำหนดแผนและขั้นตอนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น พ.ศ. 2542 มาตรา 16 ดังนี้</p><ol>"
            + "".join(f"<li>{d}</li>" for d in duties) + "</ol>")
    return Block("O3", "about", "อำนาจหน้าที่", "authority", body)


@item("O4")
def dev_plan(c: Ctx, state: str) -> Block:
    t = c.thai_digits()
    start = c.fy - 1
    title = f"แผนพัฒนาท้องถิ่น (พ.ศ. {start} - {start + 4})"
    html = c.cover(title, f"{c.name}", t) + c.paras(
        "<b>ส่วนที่ 1 สภาพทั่วไปและข้อมูลพื้นฐาน</b>",
        f"วิสัยทัศน์: &quot;ตำบล{c.spec.subdistrict}น่าอยู่ เศรษฐกิจพอเพียง ประชาชนมีคุณภาพชีวิตที่ดี&quot;",
        "<b>ส่วนที่ 2 ยุทธศาสตร์การพัฒนา</b> ยุทธศาสตร์ที่ 1 การพัฒนาโครงสร้างพื้นฐาน ยุทธศาสตร์ที่ 2 การพัฒนาคุณภาพชีวิต "
        "ยุทธศาสตร์ที่ 3 การพัฒนาเศรษฐกิจ ยุทธศาสตร์ที่ 4 การบริหารจัดการบ้านเมืองที่ดี",
    ) + c.table(["ยุทธศาสตร์", "จำนวนโครงการ", "งบประมาณ (บาท)"],
                [[f"ยุทธศาสตร์ที่ {i}", td(c.rng.randint(8, 40), t), td(f"{c.rng.randint(2, 40) * 250000:,}", t)]
                 for i in range(1, 5)])
    old = f"แผนพัฒนาท้องถิ่น (พ.ศ. {start - 5} - {start - 1})"
    docs = [c.doc(title, html, c.fy, 20, 10, start),
            c.doc(old, c.cover(old, c.name, t), c.fy - 5, 15, 6, start - 6)]
    body = f"<p>{esc(c.name)} ได้จัดทำแผนพัฒนาท้องถิ่นเพื่อเป็นกรอบในการพัฒนาตำบล</p>"
    return Block("O4", "plan", "แผนพัฒนาท้องถิ่น", "dev-plan", body, docs, evidence="doc")


@item("O5")
def contact(c: Ctx, state: str) -> Block:
    s = c.spec
    office = c.rng.randint(1, 12)
    body = (
        f"<h3>{esc(c.name)}</h3><p>ที่ทำการ หมู่ที่ {office} ตำบล{s.subdistrict} อำเภอ{s.district} "
        f"จังหวัด{s.province} {s.postcode}</p>"
        f"<p>โทรศัพท์ 0-{c.rng.randint(4200, 4599)}-{c.rng.randint(1000, 9999)} "
        f"โทรสาร 0-{c.rng.randint(4200, 4599)}-{c.rng.randint(1000, 9999)}</p>"
        f"<p>อีเมล: saraban@{s.domain.removeprefix('www.')}</p>"
        "<p>เวลาทำการ วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น. (เว้นวันหยุดราชการ)</p>"
    )
    if state != "no_map":
        lat, lon = 15 + c.rng.random() * 3, 101 + c.rng.random() * 3
        body += (
            "<h3>แผนที่ตั้งสำนักงาน</h3>"
            f"<iframe src='https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d3830.1!2d{lon:.5f}!3d{lat:.5f}"
            "!2m3!1f0!2f0!3f0!3m2!1i1024!2i768!4f13.1!5e0!3m2!1sth!2sth' width='600' height='450' "
            "style='border:0;' allowfullscreen='' loading='lazy'></iframe>"
        )
    return Block("O5", "contact", "ติดต่อเรา", "contact", body)


@item("O6")
def laws(c: Ctx, state: str) -> Block:
    laws = ["รัฐธรรมนูญแห่งราชอาณาจักรไทย พุทธศักราช 2560",
            "พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537" if c.org.kind != "เทศบาล"
            else "พระราชบัญญัติเทศบาล พ.ศ. 2496",
            "พระราชบัญญัติกำหนดแผนและขั้นตอนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น พ.ศ. 2542",
            "พระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560",
            "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
            "พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558",
            "พระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. 2562",
            "ระเบียบกระทรวงมหาดไทยว่าด้วยการรับเงิน การเบิกจ่ายเงิน การฝากเงิน การเก็บรักษาเงิน และการตรวจเงินขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2566"]
    docs = [c.doc(name, f"<h1>{name}</h1><p>ฉบับที่ใช้ประกอบการปฏิบัติงานของ{c.name}</p>", None, 10, 1, c.fy - 3)
            for name in laws[:4]]
    body = ("<p>กฎหมาย ระเบียบ และข้อบังคับที่เกี่ยวข้องกับการปฏิบัติงาน</p><ul>"
            + "".join(f"<li>{esc(law)}</li>" for law in laws[4:]) + "</ul>")
    return Block("O6", "about", "กฎหมายที่เกี่ยวข้อง", "laws", body, docs)


@item("O7")
def news(c: Ctx, state: str) -> Block:
    # the list itself is filled in by the layout from the noise news pages
    return Block("O7", "news", "ข่าวประชาสัมพันธ์", "news", "")


@item("O8")
def qa(c: Ctx, state: str) -> Block:
    qs = [("ขอทราบขั้นตอนการชำระภาษีที่ดินและสิ่งปลูกสร้างครับ", "ชำระได้ที่กองคลัง ภายในเดือนเมษายน หรือโอนผ่านบัญชีธนาคาร"),
          ("การลงทะเบียนเบี้ยยังชีพผู้สูงอายุต้องใช้เอกสารอะไรบ้างคะ", "สำเนาบัตรประชาชน ทะเบียนบ้าน และสมุดบัญชีเงินฝาก"),
          ("ไฟฟ้าส่องสว่างหมู่ที่ 5 ดับหลายจุด แจ้งซ่อมได้ที่ไหน", "แจ้งกองช่างหรือผ่าน E-Service ได้ตลอด 24 ชั่วโมง")]
    rows = []
    for i, (q, a) in enumerate(qs):
        m, y = fy_months(c.fy)[2 + i * 2]
        rows.append(f"<div class='topic'><p><b>ถาม:</b> {q}<br><small>โดย ประชาชน - "
                    f"{date_th(c.rng.randint(1, 28), m, y, False, True)}</small></p>"
                    f"<p><b>ตอบ:</b> {a}<br><small>โดย admin</small></p></div>")
    body = ("<p>กระดานถาม-ตอบ (Q&amp;A) สำหรับประชาชนสอบถามข้อมูล</p>" + "".join(rows)
            + "<form method='post' action='#'><p>หัวข้อคำถาม <input name='subject'></p>"
              "<p>รายละเอียด <textarea name='detail'></textarea></p><p><button>ส่งคำถาม</button></p></form>")
    return Block("O8", "contact", "กระดานถาม-ตอบ (Q&A)", "webboard", body)


@item("O9")
def social(c: Ctx, state: str) -> Block:
    fb = f"https://www.facebook.com/{c.spec.domain.removeprefix('www.').split('.')[0]}.official"
    body = (f"<p>ติดตามข่าวสารของ{c.name}ผ่านช่องทาง Social Network</p><ul>"
            f"<li>Facebook Fanpage: <a href='{fb}'>{esc(c.name)}</a></li>"
            "<li>LINE Official Account: <a href='https://line.me/R/ti/p/@abt-contact'>@abt-contact</a></li></ul>")
    return Block("O9", "contact", "Social Network", "social", body)


@item("O10")
def pdpa(c: Ctx, state: str) -> Block:
    t = c.thai_digits()
    paras = [f"{c.name} ตระหนักถึงความสำคัญของการคุ้มครองข้อมูลส่วนบุคคล ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 "
             "จึงกำหนดนโยบายคุ้มครองข้อมูลส่วนบุคคล ดังนี้",
             "1. การเก็บรวบรวมข้อมูลส่วนบุคคล จะเก็บเท่าที่จำเป็นตามวัตถุประสงค์ของการให้บริการ",
             "2. การใช้หรือเปิดเผยข้อมูลส่วนบุคคล จะไม่เปิดเผยโดยไม่ได้รับความยินยอมจากเจ้าของข้อมูล เว้นแต่กฎหมายกำหนด",
             "3. สิทธิของเจ้าของข้อมูล เจ้าของข้อมูลมีสิทธิขอเข้าถึง แก้ไข หรือลบข้อมูลส่วนบุคคลของตนได้",
             "4. การรักษาความมั่นคงปลอดภัย หน่วยงานจัดให้มีมาตรการรักษาความมั่นคงปลอดภัยของข้อมูลที่เหมาะสม"]
    html = c.announce("นโยบายคุ้มครองข้อมูลส่วนบุคคล (Privacy Policy)", paras, 1, 6, c.fy - 1, t)
    body = "<p>" + "</p><p>".join(esc(p) for p in paras) + "</p>"
    return Block("O10", "about", "นโยบายคุ้มครองข้อมูลส่วนบุคคล", "privacy", body,
                 [c.doc("ประกาศนโยบายคุ้มครองข้อมูลส่วนบุคคล", html, None, 1, 6, c.fy - 1)])


def _projects(c: Ctx, n: int) -> list[tuple[str, int]]:
    names = ["โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ {}", "โครงการวางท่อระบายน้ำ หมู่ที่ {}",
             "โครงการจัดงานประเพณีลอยกระทง", "โครงการป้องกันและลดอุบัติเหตุทางถนนช่วงเทศกาลปีใหม่",
             "โครงการฝึกอบรมอาชีพให้กลุ่มสตรี", "โครงการอาหารกลางวันศูนย์พัฒนาเด็กเล็ก",
             "โครงการส่งเสริมสุขภาพผู้สูงอายุ", "โครงการขุดลอกคลองส่งน้ำ หมู่ที่ {}",
             "โครงการควบคุมโรคไข้เลือดออก", "โครงการแข่งขันกีฬาต้านยาเสพติด"]
    return [(names[i % len(names)].format(c.rng.randint(1, 12)), c.rng.randint(2, 60) * 10000) for i in range(n)]


@item("O11")
def annual_plan(c: Ctx, state: str) -> Block:
    docs = []
    for year in ([c.fy, c.fy - 1] if state == "ok" else [c.fy - 1, c.fy - 2]):
        t = c.thai_digits()
        title = f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {year}"
        rows = [[td(i, t), p, td(f"{b:,}", t), c.org.divisions[i % 3], td(f"ต.ค.{str(year - 1)[-2:]} - ก.ย.{str(year)[-2:]}", t)]
                for i, (p, b) in enumerate(_projects(c, 9), 1)]
        html = c.cover(title, c.name, t) + c.paras(
            f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {td(year, t)} จัดทำขึ้นตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนา"
            f"ขององค์กรปกครองส่วนท้องถิ่น เพื่อแสดงรายละเอียดโครงการและงบประมาณที่จะดำเนินการจริงในปีงบประมาณ",
        ) + c.table(["ที่", "โครงการ/กิจกรรม", "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ", "ระยะเวลา"], rows)
        docs.append(c.doc(title, html, year, 28, 10, year - 1))
    return Block("O11", "plan", "แผนการดำเนินงานประจำปี", "action-plan",
                 "<p>แผนการดำเนินงานและการใช้งบประมาณประจำปี</p>", docs, evidence="doc")


@item("O12")
def six_month(c: Ctx, state: str) -> Block:
    t = c.thai_digits()
    if state == "ok":
        year, period, short = c.fy, first_half(c.fy, t), first_half(c.fy, t, short=True)
    elif state == "wrong_year":
        year, period, short = c.fy - 1, first_half(c.fy - 1, t), first_half(c.fy - 1, t, short=True)
    else:  # wrong_period: the second half of the previous year
        year = c.fy - 1
        period = td(f"เมษายน {year} – กันยายน {year}", t)
        short = td(f"เม.ย. {str(year)[-2:]} – ก.ย. {str(year)[-2:]}", t)
    title = f"รายงานการกำกับติดตามการดำเนินงานและการใช้จ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. {year} รอบ 6 เดือน"
    rows = [[p, td(f"{b:,}", t), td(f"{int(b * c.rng.uniform(0.2, 0.9)):,}", t),
             c.rng.choice(["ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ"])]
            for p, b in _projects(c, 7)]
    html = c.cover(title, f"({period})", t) + c.paras(
        f"ผลการดำเนินงานและการใช้จ่ายงบประมาณ ในรอบ {td(6, t)} เดือน ระหว่างเดือน{period} ({short}) มีรายละเอียดดังนี้",
    ) + c.table(["โครงการ", "งบประมาณตามแผน", "เบิกจ่ายแล้ว", "สถานะ"], rows) + c.paras(
        "ปัญหา อุปสรรค: การเบิกจ่ายงบลงทุนล่าช้าเนื่องจากอยู่ระหว่างขั้นตอนการจัดซื้อจัดจ้าง")
    when = (20, 4, year) if state != "wrong_period" else (15, 10, year)
    docs = [c.doc(title, html, year, *when)]
    return Block("O12", "budget", "รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน", "report-6m", "", docs,
                 evidence="doc")


def _annual_report(c: Ctx, state: str, code: str, section: str, slug: str, what: str, topic: str,
                   table: str = "") -> Block:
    year = c.fy - 1 if state != "wrong_year" else c.fy - 2
    t = c.thai_digits()
    title = f"{what} ประจำปีงบประมาณ พ.ศ. {year}"
    html = c.cover(title, c.name, t) + c.paras(
        f"{c.name} ได้ดำเนินการ{what.removeprefix('รายงานผล')} ประจำปีงบประมาณ พ.ศ. {td(year, t)} "
        f"(1 ตุลาคม {td(year - 1, t)} – 30 กันยายน {td(year, t)}) สรุปผลได้ดังนี้") + table
    if state != "no_problems":
        html += c.problems(t, topic)
    return Block(code, section, what, slug, "", [c.doc(title, html, year, 30, 11, year)], evidence="doc")


@item("O13")
def annual_report(c: Ctx, state: str) -> Block:
    rows = [[p, td(f"{b:,}", True), "ดำเนินการแล้วเสร็จ"] for p, b in _projects(c, 8)]
    return _annual_report(c, state, "O13", "plan", "annual-report", "รายงานผลการดำเนินงาน",
                          "งบประมาณมีจำกัด ไม่เพียงพอต่อความต้องการของประชาชน โครงการบางส่วนต้องเลื่อนไปปีถัดไป",
                          c.table(["โครงการ", "งบประมาณ (บาท)", "ผลการดำเนินงาน"], rows))


@item("O14")
def work_manual(c: Ctx, state: str) -> Block:
    docs = []
    for name, unit in [("คู่มือการปฏิบัติงานการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง", "กองคลัง"),
                       ("คู่มือการปฏิบัติงานด้านการจัดซื้อจัดจ้าง", "กองคลัง"),
                       ("คู่มือการปฏิบัติงานป้องกันและบรรเทาสาธารณภัย", c.org.divisions[0])]:
        html = c.cover(name, c.name, False, unit) + c.paras(
            "<b>1. วัตถุประสงค์</b> เพื่อให้เจ้าหน้าที่ปฏิบัติงานได้ถูกต้อง เป็นมาตรฐานเดียวกัน",
            "<b>2. ขอบเขต</b> ครอบคลุมตั้งแต่การรับเรื่อง การตรวจสอบ จนถึงการแจ้งผล",
            "<b>3. ขั้นตอนการปฏิบัติงาน</b> (1) รับเรื่อง (2) ตรวจสอบเอกสาร (3) เสนอผู้บังคับบัญชา (4) แจ้งผล")
        docs.append(c.doc(name, html, None, 5, 1, c.fy - 1, fmt="docx" if not docs else "pdf"))
    return Block("O14", "service", "คู่มือการปฏิบัติงาน", "work-manual", "", docs, evidence="doc")


@item("O15")
def service_manual(c: Ctx, state: str) -> Block:
    services = ["การขออนุญาตก่อสร้าง ดัดแปลง รื้อถอนอาคาร", "การลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุ",
                "การขออนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ", "การรับชำระภาษีป้าย"]
    rows = [[s, c.org.divisions[i % 3], td(f"{c.rng.randint(1, 30)} วัน", False)] for i, s in enumerate(services)]
    html = c.cover("คู่มือสำหรับประชาชน (มาตรฐานการให้บริการ)", c.name, False) + c.paras(
        "ตามพระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558") + c.table(
        ["งานบริการ", "หน่วยงานรับผิดชอบ", "ระยะเวลาให้บริการ"], rows)
    doc = c.doc("คู่มือสำหรับประชาชน", html, None, 12, 2, c.fy - 1, fmt="docx")
    return Block("O15", "service", "คู่มือสำหรับประชาชน/มาตรฐานการให้บริการ", "service-manual", "", [doc],
                 evidence="doc")


@item("O16")
def service_stats(c: Ctx, state: str) -> Block:
    year = c.fy if state == "ok" else c.fy - 1
    t = c.thai_digits()
    months = fy_months(year)[:6]
    rows = [[td(f"{MONTHS[m - 1]} {y}", t)] + [td(c.rng.randint(0, 60), t) for _ in range(4)] for m, y in months]
    title = f"ข้อมูลสถิติการให้บริการ ประจำปีงบประมาณ พ.ศ. {year}"
    html = c.cover(title, f"({first_half(year, t)})", t) + c.table(
        ["เดือน", "ภาษีที่ดินฯ", "เบี้ยยังชีพ", "ขออนุญาตก่อสร้าง", "ขอรับน้ำอุปโภค"], rows)
    return Block("O16", "service", "สถิติการให้บริการ", "service-stats", "",
                 [c.doc(title, html, year, 5, 4, year)], evidence="doc")


@item("O17")
def satisfaction(c: Ctx, state: str) -> Block:
    year = c.fy - 1 if state == "ok" else c.fy - 2
    t = c.thai_digits()
    title = f"รายงานผลการสำรวจความพึงพอใจของผู้รับบริการ ประจำปีงบประมาณ พ.ศ. {year}"
    rows = [[s, td(f"{c.rng.uniform(85, 97):.2f}", t)] for s in
            ["ด้านกระบวนการ/ขั้นตอนการให้บริการ", "ด้านช่องทางการให้บริการ", "ด้านเจ้าหน้าที่ผู้ให้บริการ",
             "ด้านสิ่งอำนวยความสะดวก"]]
    html = c.cover(title, c.name, t, "มหาวิทยาลัยราชภัฏ (ผู้ประเมินภายนอก)") + c.table(
        ["ด้าน", "ร้อยละความพึงพอใจ"], rows)
    return Block("O17", "service", "ผลการสำรวจความพึงพอใจ", "satisfaction", "",
                 [c.doc(title, html, year, 10, 10, year)], evidence="doc")


@item("O18")
def eservice(c: Ctx, state: str) -> Block:
    body = ("<p>ระบบยื่นคำร้องออนไลน์ (E-Service) ประชาชนสามารถยื่นคำร้องได้ตลอด 24 ชั่วโมง</p>"
            "<form method='post' action='#'><p>ประเภทคำร้อง <select name='type'><option>ขอรับน้ำอุปโภคบริโภค</option>"
            "<option>แจ้งซ่อมไฟฟ้าส่องสว่าง</option><option>ขอใช้อาคารสถานที่</option></select></p>"
            "<p>ชื่อ-สกุล <input name='name'></p><p>เบอร์โทรศัพท์ <input name='tel'></p>"
            "<p>รายละเอียด <textarea name='detail'></textarea></p><p><button>ยื่นคำร้อง</button></p></form>")
    return Block("O18", "service", "E-Service ยื่นคำร้องออนไลน์", "e-service", body)
