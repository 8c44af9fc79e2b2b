-- A store written by oit before versioned migrations (commit 69d5e0b): PRAGMA user_version 0, a meta table,
-- resources.offsite/rendered added on the fly (ALTER TABLE). Made by storage.store + crawler.pipelines of that
-- commit; schema as in sqlite_master, FTS5 index filled by its triggers when the rows are inserted.
-- Run 1 is judged (results, evidence, unreadable); run 2 was crawled and never judged.
CREATE TABLE "runs" (
   "id" INTEGER PRIMARY KEY,
   "unit_url" TEXT,
   "unit_name" TEXT,
   "unit_type" TEXT,
   "fiscal_year" INTEGER,
   "catalog_id" TEXT,
   "catalog_version" TEXT,
   "catalog_confidence" TEXT,
   "catalog_path" TEXT,
   "settings" TEXT,
   "started" TEXT,
   "finished" TEXT,
   "status" TEXT,
   "crawl_status" TEXT,
   "crawl_finished" TEXT,
   "crawl_stats" TEXT,
   "partial_reason" TEXT,
   "stats" TEXT,
   "score" TEXT,
   "warnings" TEXT,
   "tool_version" TEXT
);
CREATE TABLE "texts" (
   "sha256" TEXT PRIMARY KEY,
   "kind" TEXT,
   "title" TEXT,
   "headings" TEXT,
   "text" TEXT,
   "folded" TEXT,
   "pages" TEXT,
   "methods" TEXT,
   "features" TEXT,
   "error" TEXT,
   "encoding" TEXT,
   "extracted_at" TEXT
);
CREATE VIRTUAL TABLE "texts_fts" USING FTS5 (
    "title", "folded",
    tokenize='trigram',
    content="texts"
);
CREATE TABLE "resources" (
   "run_id" INTEGER REFERENCES "runs"("id"),
   "url" TEXT,
   "final_url" TEXT,
   "status" INTEGER,
   "content_type" TEXT,
   "kind" TEXT,
   "depth" INTEGER,
   "referrer" TEXT,
   "anchor" TEXT,
   "size" INTEGER,
   "sha256" TEXT,
   "error" TEXT,
   "fetched_at" TEXT, "offsite" INTEGER NOT NULL DEFAULT 0, "rendered" TEXT NOT NULL DEFAULT '',
   PRIMARY KEY ("run_id", "url")
);
CREATE TABLE "links" (
   "run_id" INTEGER,
   "src" TEXT,
   "dst" TEXT,
   "text" TEXT,
   "kind" TEXT,
   "offsite" INTEGER,
   PRIMARY KEY ("run_id", "src", "dst", "kind")
);
CREATE TABLE "skipped_links" (
   "run_id" INTEGER,
   "url" TEXT,
   "src" TEXT,
   "text" TEXT,
   "reason" TEXT,
   PRIMARY KEY ("run_id", "url")
);
CREATE TABLE "ita_rows" (
   "run_id" INTEGER,
   "page_url" TEXT,
   "code" TEXT,
   "label" TEXT,
   "url" TEXT,
   "position" INTEGER,
   PRIMARY KEY ("run_id", "page_url", "code", "position")
);
CREATE TABLE "results" (
   "run_id" INTEGER,
   "code" TEXT,
   "name" TEXT,
   "sub_indicator" TEXT,
   "status" TEXT,
   "confidence" REAL,
   "gain" REAL,
   "fix" TEXT,
   "criterion" TEXT,
   "missing" TEXT,
   "found" TEXT,
   "notes" TEXT,
   "catalog_confidence" TEXT,
   "skipped" TEXT,
   "doubts" TEXT,
   "position" INTEGER,
   PRIMARY KEY ("run_id", "code")
);
CREATE TABLE "evidence" (
   "run_id" INTEGER,
   "code" TEXT,
   "rank" INTEGER,
   "url" TEXT,
   "title" TEXT,
   "snippet" TEXT,
   "kind" TEXT,
   "offsite" INTEGER,
   "where_" TEXT,
   "fiscal_year" INTEGER,
   "score" REAL,
   PRIMARY KEY ("run_id", "code", "rank")
);
CREATE TABLE "unreadable" (
   "run_id" INTEGER,
   "url" TEXT,
   "reason" TEXT,
   PRIMARY KEY ("run_id", "url")
);
CREATE TABLE "meta" (
   "key" TEXT PRIMARY KEY,
   "value" TEXT
);
CREATE INDEX "idx_resources_sha256"
    ON "resources" ("sha256");
CREATE INDEX "idx_links_run_id_dst"
    ON "links" ("run_id", "dst");
CREATE TRIGGER "texts_ai" AFTER INSERT ON "texts" BEGIN
  INSERT INTO "texts_fts" (rowid, "title", "folded") VALUES (new.rowid, new."title", new."folded");
END;
CREATE TRIGGER "texts_ad" AFTER DELETE ON "texts" BEGIN
  INSERT INTO "texts_fts" ("texts_fts", rowid, "title", "folded") VALUES('delete', old.rowid, old."title", old."folded");
END;
CREATE TRIGGER "texts_au" AFTER UPDATE ON "texts" BEGIN
  INSERT INTO "texts_fts" ("texts_fts", rowid, "title", "folded") VALUES('delete', old.rowid, old."title", old."folded");
  INSERT INTO "texts_fts" (rowid, "title", "folded") VALUES (new.rowid, new."title", new."folded");
END;
CREATE VIEW "pages" AS select r.*, t.title, t.text from resources r left join texts t on t.sha256 = r.sha256 where r.kind = 'html';
CREATE VIEW "documents" AS select r.*, t.title, t.text, t.methods from resources r left join texts t on t.sha256 = r.sha256 where r.kind != 'html';
INSERT INTO [runs] ([id], [unit_url], [unit_name], [unit_type], [fiscal_year], [catalog_id], [catalog_version], [catalog_confidence], [catalog_path], [settings], [started], [finished], [status], [crawl_status], [crawl_finished], [crawl_stats], [partial_reason], [stats], [score], [warnings], [tool_version]) VALUES (1, 'http://unit.example/', 'สำนักงานตัวอย่าง', 'agency', 2569, 'nacc-2569', '0.4', 'low', 'nacc-2569', '{"max_pages": 10, "sub_indicator_names": {"9.1": "ข้อมูลพื้นฐาน", "9.2": "การบริหารงาน", "9.3": "การจัดซื้อจัดจ้าง", "9.4": "การบริหารและพัฒนาทรัพยากรบุคคล", "9.5": "การส่งเสริมความโปร่งใส", "10.1": "การดำเนินการเพื่อป้องกันการทุจริต", "10.2": "มาตรการภายในเพื่อป้องกันการทุจริต"}, "indicator_names": {"9": "การเปิดเผยข้อมูล", "10": "การป้องกันการทุจริต"}, "catalog_title": "ITA ปีงบประมาณ พ.ศ. 2569 – แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT) (ข้อมูลไม่ครบ)", "catalog_notice": "รายการข้อ OIT ปี 2569 ยังไม่ครบและยังไม่ยืนยัน (ข้อมูลจากเว็บไซต์หน่วยงานเดียว ไม่มีคู่มือทางการ): 4 ข้อยังไม่ทราบเกณฑ์ (O2, O4, O6, O7) และไม่นำมาคิดคะแนน คะแนนที่แสดงจึงเป็นการประมาณ / The FY 2569 item list is partial and unconfirmed (seen on one agency''s website, no official manual): 4 items are unknown (O2, O4, O6, O7) and left out of the score, so the score is an estimate.", "catalog_items_unknown": 4, "catalog_assumed_from": "", "catalog_scheme": "nacc", "site_list": {"rows_compared": 1, "matched": 1, "mismatches": [], "likely_out_of_date": false, "better_catalog": null, "page_year": null, "summary_th": "เลขข้อและชื่อบนหน้า ITA ของเว็บไซต์ตรงกับรายการ nacc-2569 (1 ข้อที่เทียบได้)", "summary_en": "The site''s ITA page follows catalog nacc-2569 (1 codes compared)", "catalog_id": "nacc-2569", "fiscal_year": 2569, "unknown_items": 0, "unjudged": 0, "missing_on_site": 25, "pages": ["http://unit.example/"], "better_items": 0}}', '2026-12-02T10:04:33+00:00', '2026-12-02T10:04:34+00:00', 'partial', 'partial', '2026-12-02T10:04:34+00:00', '{"pages": 3}', 'ถึงจำนวนหน้าสูงสุดที่กำหนด (page cap reached)', '{"pages": 3, "documents": 0, "unreadable": 0, "offsite_links": 1, "ita_rows": 1, "skipped_links": 1, "rendered": 0, "render_failed": 0, "render_skipped_same_menu": 0, "render_skipped_budget": 0, "items_pass": 0, "items_partial": 1, "items_fail": 21, "items_unknown": 4}', '{"oit": 0.0, "indicators": {"9": 0.0, "10": 0.0}, "sub_indicators": {"9.1": 0.0, "9.2": 0.0, "9.3": 0.0, "9.4": 0.0, "9.5": 0.0, "10.1": 0.0, "10.2": 0.0}, "band": "ต้องปรับปรุงโดยด่วน", "band_note": "ระดับที่แสดงคิดจากคะแนน OIT อย่างเดียว ระดับผลการประเมินจริงขึ้นกับคะแนน IIT และ EIT ด้วย: ผ่านดีเยี่ยม/ผ่านดี ต้องได้คะแนนรวมและทุกเครื่องมือไม่ต่ำกว่าเกณฑ์ (95/85) หากคะแนนรวมตั้งแต่ 85 แต่มีเครื่องมือใดต่ำกว่า 85 จะได้ระดับ \"ผ่าน\" ต่ำกว่า 70 คือ ต้องปรับปรุงโดยด่วน แคตตาล็อกปีนี้ยังไม่ครบ ข้อที่ไม่ทราบเกณฑ์ไม่ถูกนับคะแนน คะแนนจึงเป็นการประมาณ"}', '[]', '0.old');
INSERT INTO [runs] ([id], [unit_url], [unit_name], [unit_type], [fiscal_year], [catalog_id], [catalog_version], [catalog_confidence], [catalog_path], [settings], [started], [finished], [status], [crawl_status], [crawl_finished], [crawl_stats], [partial_reason], [stats], [score], [warnings], [tool_version]) VALUES (2, 'http://unit.example/', NULL, 'agency', 2569, 'nacc-2569', '0.4', 'low', 'nacc-2569', '{}', '2026-12-02T10:04:34+00:00', NULL, 'running', NULL, NULL, NULL, NULL, NULL, NULL, '[]', '0.old');
INSERT INTO [texts] ([sha256], [kind], [title], [headings], [text], [folded], [pages], [methods], [features], [error], [encoding], [extracted_at]) VALUES ('32d3d753e70d526fbce910d6933d04997ab871e6f25808114ee2b2e627ac6853', 'html', 'หน้าหลัก - สำนักงานตัวอย่าง', '[]', 'โครงสร้างหน่วยงานแผนดำเนินงานประจำปีติดต่อเราลิงก์ภายนอก', 'โครงสรางหนวยงานแผนดาเนินงานประจาปีติดตอเราลิงกภายนอก', '[{"number": 1, "method": "html", "chars": 56, "confidence": null, "quality": ""}]', 'html', '{"phone": 0, "email": 0, "text_chars": 56, "map": 0, "form": 0, "image": 0, "table": 0, "iframe": 0, "script_links": 0, "placeholder_links": 0, "mailto": 0, "tel": 0}', '', 'utf-8', '2026-12-02T10:04:34+00:00');
INSERT INTO [texts] ([sha256], [kind], [title], [headings], [text], [folded], [pages], [methods], [features], [error], [encoding], [extracted_at]) VALUES ('f35ece3bf71e39c922c2009f77c8f8bf20df5898c957478280d9674b5f072d8d', 'html', 'โครงสร้างหน่วยงาน', '["โครงสร้างหน่วยงาน"]', 'โครงสร้างหน่วยงาน
ผู้อำนวยการ นายตัวอย่าง ใจดี รองผู้อำนวยการ นางสาวทดสอบ ระบบ', 'โครงสรางหนวยงานผูอานวยการนายตัวอยางใจดีรองผูอานวยการนางสาวทดสอบระบบ', '[{"number": 1, "method": "html", "chars": 78, "confidence": null, "quality": ""}]', 'html', '{"phone": 0, "email": 0, "text_chars": 78, "map": 0, "form": 0, "image": 0, "table": 0, "iframe": 0, "script_links": 0, "placeholder_links": 0, "mailto": 0, "tel": 0}', '', 'utf-8', '2026-12-02T10:04:34+00:00');
INSERT INTO [texts] ([sha256], [kind], [title], [headings], [text], [folded], [pages], [methods], [features], [error], [encoding], [extracted_at]) VALUES ('6e89cd830cf8031425b3545b855ee29b1c5a98553ea7cb84a7a74a3bd7147b70', 'html', 'แผนดำเนินงานประจำปี พ.ศ. 2569', '["แผนดำเนินงานประจำปีงบประมาณ พ.ศ. 2569"]', 'แผนดำเนินงานประจำปีงบประมาณ พ.ศ. 2569
โครงการ งบประมาณ ระยะเวลา ผู้รับผิดชอบ', 'แผนดาเนินงานประจาปีงบประมาณพ.ศ.2569โครงการงบประมาณระยะเวลาผูรับผิดชอบ', '[{"number": 1, "method": "html", "chars": 76, "confidence": null, "quality": ""}]', 'html', '{"phone": 0, "email": 0, "text_chars": 76, "map": 0, "form": 0, "image": 0, "table": 0, "iframe": 0, "script_links": 0, "placeholder_links": 0, "mailto": 0, "tel": 0}', '', 'utf-8', '2026-12-02T10:04:34+00:00');
INSERT INTO [resources] ([run_id], [url], [final_url], [status], [content_type], [kind], [depth], [referrer], [anchor], [size], [sha256], [error], [fetched_at], [offsite], [rendered]) VALUES (1, 'http://unit.example/', 'http://unit.example/', 200, 'text/html', 'html', 0, '', '', 425, '32d3d753e70d526fbce910d6933d04997ab871e6f25808114ee2b2e627ac6853', '', '2026-12-02T10:04:34+00:00', 0, '');
INSERT INTO [resources] ([run_id], [url], [final_url], [status], [content_type], [kind], [depth], [referrer], [anchor], [size], [sha256], [error], [fetched_at], [offsite], [rendered]) VALUES (1, 'http://unit.example/about', 'http://unit.example/about', 200, 'text/html', 'html', 1, 'http://unit.example/', '', 364, 'f35ece3bf71e39c922c2009f77c8f8bf20df5898c957478280d9674b5f072d8d', '', '2026-12-02T10:04:34+00:00', 0, '');
INSERT INTO [resources] ([run_id], [url], [final_url], [status], [content_type], [kind], [depth], [referrer], [anchor], [size], [sha256], [error], [fetched_at], [offsite], [rendered]) VALUES (1, 'http://unit.example/plan.html', 'http://unit.example/plan.html', 200, 'text/html', 'html', 1, 'http://unit.example/', '', 366, '6e89cd830cf8031425b3545b855ee29b1c5a98553ea7cb84a7a74a3bd7147b70', '', '2026-12-02T10:04:34+00:00', 0, '');
INSERT INTO [resources] ([run_id], [url], [final_url], [status], [content_type], [kind], [depth], [referrer], [anchor], [size], [sha256], [error], [fetched_at], [offsite], [rendered]) VALUES (2, 'http://unit.example/', 'http://unit.example/', 200, 'text/html', 'html', 0, '', '', 1, '32d3d753e70d526fbce910d6933d04997ab871e6f25808114ee2b2e627ac6853', '', '2026-12-02T10:04:34+00:00', 0, '');
INSERT INTO [links] ([run_id], [src], [dst], [text], [kind], [offsite]) VALUES (1, 'http://unit.example/', 'http://unit.example/about', 'โครงสร้างหน่วยงาน', 'a', 0);
INSERT INTO [links] ([run_id], [src], [dst], [text], [kind], [offsite]) VALUES (1, 'http://unit.example/', 'http://unit.example/plan.html', 'แผนดำเนินงานประจำปี', 'a', 0);
INSERT INTO [links] ([run_id], [src], [dst], [text], [kind], [offsite]) VALUES (1, 'http://unit.example/', 'http://unit.example/contact', 'ติดต่อเรา', 'a', 0);
INSERT INTO [links] ([run_id], [src], [dst], [text], [kind], [offsite]) VALUES (1, 'http://unit.example/', 'http://other.example/x', 'ลิงก์ภายนอก', 'a', 1);
INSERT INTO [links] ([run_id], [src], [dst], [text], [kind], [offsite]) VALUES (2, 'http://unit.example/', 'http://unit.example/about', 'โครงสร้างหน่วยงาน', 'a', 0);
INSERT INTO [skipped_links] ([run_id], [url], [src], [text], [reason]) VALUES (1, 'http://unit.example/login', 'http://unit.example/', 'เข้าสู่ระบบ', 'login');
INSERT INTO [ita_rows] ([run_id], [page_url], [code], [label], [url], [position]) VALUES (1, 'http://unit.example/', 'O1', 'โครงสร้าง', 'http://unit.example/about', 0);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O1', 'โครงสร้าง หน้าที่และอำนาจ', '9.1', 'partial', 0.7, 3.33, 'สิ่งที่ต้องเพิ่มหรือแก้: หน่วยงานภายใน (กอง/สำนัก/ฝ่าย/กลุ่มงาน); หน้าที่และอำนาจของหน่วยงาน. เผยแพร่แผนผังโครงสร้างหน่วยงาน และสรุปหน้าที่และอำนาจของหน่วยงาน (อ้างมาตราของกฎหมาย) บนเว็บไซต์หลักในหน้า ITA ข้อ O1 ตำแหน่งที่แนะนำ: แก้ไขหน้าเว็บเดิมที่ หน้าแรก › โครงสร้างหน่วยงาน', 'แผนผังโครงสร้างหน่วยงานพร้อมตำแหน่งสำคัญ (อปท. ทั้งฝ่ายการเมืองและฝ่ายประจำ) และหน้าที่และอำนาจของหน่วยงานที่สรุปเป็นของหน่วยงานเอง', '["หน่วยงานภายใน (กอง/สำนัก/ฝ่าย/กลุ่มงาน)", "หน้าที่และอำนาจของหน่วยงาน"]', '["ตำแหน่งสำคัญในแผนผัง (เช่น ผู้อำนวยการ หัวหน้าส่วนราชการ)"]', '[]', 'low', '[]', '[]', 0);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O2', 'ไม่ทราบชื่อรายการ (O2) – น่าจะเป็นข้อมูลผู้บริหาร', '9.1', 'unknown', 0.0, 0.0, 'ตรวจชื่อและเกณฑ์ของข้อ O2 จากคู่มือการประเมิน ITA ของสำนักงาน ป.ป.ช. ในปีนี้ แล้วเผยแพร่ข้อมูลตามเกณฑ์บนเว็บไซต์หลัก ในหน้า ITA ข้อ O2 (และแก้ไขแคตตาล็อกนี้ให้ถูกต้อง)', 'ไม่ทราบชื่อและเกณฑ์ของข้อนี้ในปีนี้ (ไม่พบในแหล่งข้อมูลที่อ่านได้) คำที่ใช้ค้นหาเป็นการคาดเดา', '[]', '[]', '["เกณฑ์ของรายการนี้ยังไม่ทราบในแคตตาล็อกปีนี้ (catalog marks the item unknown)"]', 'low', '[]', '[]', 1);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O3', 'ข้อมูลการติดต่อและช่องทางการสอบถาม', '9.1', 'fail', 0.5, 3.33, 'จัดทำหน้า "ติดต่อเรา" ที่มีที่อยู่ เบอร์โทรศัพท์ อีเมล แผนที่ และช่องทางถาม-ตอบ/แบบฟอร์มสอบถาม บนเว็บไซต์หลัก แล้วลิงก์จากหน้า ITA ข้อ O3 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O3 ในหน้า ITA (หน้าแรก)', 'ที่อยู่ หมายเลขโทรศัพท์ ไปรษณีย์อิเล็กทรอนิกส์ แผนที่ตั้ง และช่องทางที่บุคคลภายนอกสอบถามข้อมูลและหน่วยงานตอบได้', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 2);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O4', 'ไม่ทราบชื่อรายการ (O4) – น่าจะเป็นข่าวประชาสัมพันธ์', '9.1', 'unknown', 0.0, 0.0, 'ตรวจชื่อและเกณฑ์ของข้อ O4 จากคู่มือการประเมิน ITA ของสำนักงาน ป.ป.ช. ในปีนี้ แล้วเผยแพร่ข้อมูลตามเกณฑ์บนเว็บไซต์หลัก ในหน้า ITA ข้อ O4 (และแก้ไขแคตตาล็อกนี้ให้ถูกต้อง)', 'ไม่ทราบชื่อและเกณฑ์ของข้อนี้ในปีนี้ (ไม่พบในแหล่งข้อมูลที่อ่านได้) คำที่ใช้ค้นหาเป็นการคาดเดา', '[]', '[]', '["เกณฑ์ของรายการนี้ยังไม่ทราบในแคตตาล็อกปีนี้ (catalog marks the item unknown)"]', 'low', '[]', '[]', 3);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O5', 'แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน', '9.1', 'fail', 0.5, 3.33, 'เผยแพร่แผนยุทธศาสตร์/แผนพัฒนาท้องถิ่นฉบับที่ใช้บังคับในปีที่ประเมิน เป็น PDF ที่มีข้อความ บนเว็บไซต์หลักในหน้า ITA ข้อ O5 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O5 ในหน้า ITA (หน้าแรก)', 'แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน (มักเป็นแผนหลายปี) ที่มีช่วงเวลาครอบคลุมปีที่ประเมิน', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 4);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O6', 'ไม่ทราบชื่อรายการ (O6) – น่าจะเป็นแผนและความก้าวหน้าในการดำเนินงานและการใช้จ่ายงบประมาณ', '9.2', 'unknown', 0.0, 0.0, 'ตรวจชื่อและเกณฑ์ของข้อ O6 จากคู่มือการประเมิน ITA ของสำนักงาน ป.ป.ช. ในปีนี้ แล้วเผยแพร่ข้อมูลตามเกณฑ์บนเว็บไซต์หลัก ในหน้า ITA ข้อ O6 (และแก้ไขแคตตาล็อกนี้ให้ถูกต้อง)', 'ไม่ทราบชื่อและเกณฑ์ของข้อนี้ในปีนี้ (ไม่พบในแหล่งข้อมูลที่อ่านได้) คำที่ใช้ค้นหาเป็นการคาดเดา', '[]', '[]', '["เกณฑ์ของรายการนี้ยังไม่ทราบในแคตตาล็อกปีนี้ (catalog marks the item unknown)", "หน้าเว็บหรือเอกสารที่น่าจะเป็นของข้อนี้ (ยังไม่ได้ตรวจตามเกณฑ์)"]', 'low', '[]', '[]', 5);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O7', 'ไม่ทราบชื่อรายการ (O7) – น่าจะเป็นรายงานผลการดำเนินงานประจำปี', '9.2', 'unknown', 0.0, 0.0, 'ตรวจชื่อและเกณฑ์ของข้อ O7 จากคู่มือการประเมิน ITA ของสำนักงาน ป.ป.ช. ในปีนี้ แล้วเผยแพร่ข้อมูลตามเกณฑ์บนเว็บไซต์หลัก ในหน้า ITA ข้อ O7 (และแก้ไขแคตตาล็อกนี้ให้ถูกต้อง)', 'ไม่ทราบชื่อและเกณฑ์ของข้อนี้ในปีนี้ (ไม่พบในแหล่งข้อมูลที่อ่านได้) คำที่ใช้ค้นหาเป็นการคาดเดา', '[]', '[]', '["เกณฑ์ของรายการนี้ยังไม่ทราบในแคตตาล็อกปีนี้ (catalog marks the item unknown)"]', 'low', '[]', '[]', 6);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O8', 'คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่', '9.2', 'fail', 0.5, 3.33, 'เผยแพร่คู่มือการปฏิบัติงานของงานหลักแต่ละงาน (ขั้นตอน ผังงาน ผู้รับผิดชอบ) เป็น PDF บนเว็บไซต์หลักในหน้า ITA ข้อ O8 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O8 ในหน้า ITA (หน้าแรก)', 'คู่มือหรือมาตรฐานการปฏิบัติงานของเจ้าหน้าที่ ตามภารกิจหลักของหน่วยงาน', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'low', '[]', '[]', 7);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O9', 'คู่มือหรือแนวทางการขอรับบริการ', '9.2', 'fail', 0.5, 3.33, 'เผยแพร่คู่มือสำหรับประชาชน/มาตรฐานการให้บริการของงานบริการแต่ละงาน (ขั้นตอน ระยะเวลา เอกสาร ค่าธรรมเนียม) บนเว็บไซต์หลักในหน้า ITA ข้อ O9 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O9 ในหน้า ITA (หน้าแรก)', 'คู่มือหรือมาตรฐานการให้บริการที่ผู้รับบริการใช้ได้ เช่น ขั้นตอน ระยะเวลา เอกสารที่ต้องใช้', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'low', '[]', '[]', 8);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O10', 'ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)', '9.2', 'fail', 0.5, 3.33, 'เปิดบริการยื่นคำร้องออนไลน์อย่างน้อยหนึ่งงาน (เช่น ผ่านแบบฟอร์มบนเว็บไซต์หรือ Google Forms) พร้อมคู่มือการใช้งาน และสถิติการใช้งานของระบบ แล้วลิงก์จากหน้าแรกและหน้า ITA ข้อ O10 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O10 ในหน้า ITA (หน้าแรก)', 'ช่องทางให้บริการผ่านระบบออนไลน์ที่ผู้รับบริการยื่นขอรับบริการได้ (ไม่ใช่เพียงดาวน์โหลดแบบฟอร์ม) หน่วยงานที่พบเผยแพร่คู่มือการใช้งานและสถิติการใช้งานของระบบไว้ด้วย (เป็นข้อแนะนำ)', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 9);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O11', 'สรุปผลการจัดซื้อจัดจ้างรายเดือน', '9.3', 'fail', 0.5, 5.0, 'จัดทำแบบ สขร.1 (สรุปผลการจัดซื้อจัดจ้างในรอบเดือน) ให้ครบทุกเดือนของไตรมาสที่ 1–2 ของปีที่ประเมิน (ต.ค. – มี.ค.) เป็นไฟล์ PDF และไฟล์ตาราง (Excel) แล้วเผยแพร่บนเว็บไซต์หลักในหน้า ITA ข้อ O11 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O11 ในหน้า ITA (หน้าแรก)', 'สรุปผลการจัดซื้อจัดจ้างรายเดือนของปีที่ประเมิน (ไตรมาสที่ 1–2: ต.ค. – มี.ค.) แต่ละรายการมี งานที่จัดซื้อ วงเงิน/ราคากลาง วิธีซื้อหรือจ้าง ผู้เสนอราคาและราคา ผู้ได้รับการคัดเลือกและราคาที่ตกลง เหตุผลที่คัดเลือก และเลขที่/วันที่ของสัญญา; หน่วยงานที่พบเผยแพร่ทั้งไฟล์ PDF และไฟล์ตาราง', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 10);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O12', 'รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี', '9.3', 'fail', 0.5, 5.0, 'จัดทำรายงานสรุปผลการจัดซื้อจัดจ้างประจำปีงบประมาณก่อนหน้า (1 ต.ค. – 30 ก.ย.) ที่แสดงจำนวนโครงการและงบประมาณที่ใช้ แยกตามวิธีจัดซื้อ พร้อมหัวข้อ "ปัญหา อุปสรรค และข้อเสนอแนะ" และแนบสรุปผลรายเดือน (สขร.) ครบ 12 เดือน แล้วเผยแพร่เป็น PDF บนเว็บไซต์หลักในหน้า ITA ข้อ O12 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O12 ในหน้า ITA (หน้าแรก)', 'รายงานสรุปผลการจัดซื้อจัดจ้างของปีงบประมาณก่อนหน้าทั้งปี (ต.ค. – ก.ย.) พร้อมสรุปผลรายเดือน (สขร.) ครบ 12 เดือน ต้องมีงบประมาณที่ใช้ในการจัดซื้อจัดจ้าง และปัญหา อุปสรรค และข้อเสนอแนะ (หากไม่มีต้องระบุว่า "ไม่มี")', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 11);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O13', 'หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล', '9.4', 'fail', 0.5, 3.33, 'เผยแพร่หลักเกณฑ์การสรรหา การแต่งตั้ง การเลื่อนตำแหน่ง และการประเมินผลการปฏิบัติงาน พร้อมแผนการบริหารและพัฒนาทรัพยากรบุคคล ที่ครอบคลุมปีที่ประเมิน ไว้ในหน้าเดียวกัน (หรือรวมเป็นไฟล์เดียว) บนเว็บไซต์หลักในหน้า ITA ข้อ O13 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O13 ในหน้า ITA (หน้าแรก)', 'หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล (การสรรหา การแต่งตั้ง การเลื่อนตำแหน่ง การประเมินผลการปฏิบัติงาน) และแผนการบริหารและพัฒนาทรัพยากรบุคคลของปีที่ประเมิน; ปีที่ตรวจคือปีของแผน (หลักเกณฑ์ไม่ตรวจปี) และตรวจทีละหน้า/เอกสาร จึงควรรวมทั้งสองส่วนไว้ในหน้าข้อ O13 หน้าเดียว', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 12);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O14', 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล', '9.4', 'fail', 0.5, 3.33, 'จัดทำรายงานผลการบริหารและพัฒนาบุคลากรของปีงบประมาณก่อนหน้า พร้อมผลการวิเคราะห์และหัวข้อ "ปัญหา อุปสรรค และข้อเสนอแนะ" แล้วเผยแพร่เป็น PDF บนเว็บไซต์หลักในหน้า ITA ข้อ O14 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O14 ในหน้า ITA (หน้าแรก)', 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลของปีงบประมาณก่อนหน้า มีผลการดำเนินงาน การวิเคราะห์ และปัญหา อุปสรรค และข้อเสนอแนะ (หากไม่มีต้องระบุว่า "ไม่มี")', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 13);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O15', 'ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม', '9.4', 'fail', 0.5, 3.33, 'เผยแพร่ประมวลจริยธรรมที่ใช้กับหน่วยงาน คำสั่งแต่งตั้งคณะทำงานขับเคลื่อนจริยธรรมของปีที่ประเมิน แนวทาง Do & Don''t และรายงานการอบรมด้านจริยธรรม ไว้ในหน้าเดียวกัน (หรือรวมเป็นไฟล์เดียว) บนเว็บไซต์หลักในหน้า ITA ข้อ O15 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O15 ในหน้า ITA (หน้าแรก)', 'ประมวลจริยธรรมที่ใช้กับเจ้าหน้าที่ของหน่วยงาน และการขับเคลื่อนจริยธรรมในปีที่ประเมิน: คำสั่งแต่งตั้งคณะทำงานขับเคลื่อนจริยธรรม ของปี แนวทาง Do & Don''t และการอบรมที่มีเนื้อหาจริยธรรม; ตรวจทีละหน้า/เอกสาร จึงควรรวมทุกส่วนไว้ในหน้าข้อ O15 หน้าเดียว', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 14);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O16', 'แนวปฏิบัติการจัดการเรื่องร้องเรียน', '9.5', 'fail', 0.5, 2.5, 'จัดทำคู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ (ช่องทางรับเรื่อง ขั้นตอน ผู้รับผิดชอบ ระยะเวลา การแจ้งผล การคุ้มครองผู้ร้อง) เผยแพร่เป็น PDF บนเว็บไซต์หลักในหน้า ITA ข้อ O16 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O16 ในหน้า ITA (หน้าแรก)', 'คู่มือหรือแนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ แสดงขั้นตอน ผู้รับผิดชอบ และระยะเวลาดำเนินการ', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'low', '[]', '[]', 15);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O17', 'ช่องทางแจ้งเรื่องร้องเรียน', '9.5', 'fail', 0.5, 2.5, 'เพิ่มแบบฟอร์มแจ้งเรื่องร้องเรียนของหน่วยงานเองบนเว็บไซต์หลัก (กรอกแล้วส่งได้ทันที ไม่บังคับเปิดเผยตัวตน) ลิงก์ช่องทางระดับประเทศไว้เป็นช่องทางเพิ่มเติมได้ แล้วลิงก์จากหน้าแรกและหน้า ITA ข้อ O17 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O17 ในหน้า ITA (หน้าแรก)', 'ช่องทางออนไลน์ของหน่วยงานเอง (แบบฟอร์มหรือระบบรับเรื่องบนเว็บไซต์) ที่ผู้ใช้บริการแจ้งเรื่องร้องเรียนได้ (ไม่ใช่เพียงที่อยู่/เบอร์โทร); ลิงก์ไปยังช่องทางระดับประเทศ (ศูนย์ดำรงธรรม ป.ป.ช. สายด่วน 1111) เป็นส่วนเพิ่ม ใช้แทนไม่ได้', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 16);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O18', 'ข้อมูลสถิติเรื่องร้องเรียน', '9.5', 'fail', 0.5, 2.5, 'จัดทำสถิติเรื่องร้องเรียนของปีงบประมาณก่อนหน้า (แม้ไม่มีเรื่องให้แสดงเป็น 0 เรื่อง) แยกสถานะการดำเนินการ แล้วเผยแพร่บนเว็บไซต์หลักในหน้า ITA ข้อ O18 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O18 ในหน้า ITA (หน้าแรก)', 'ข้อมูลสถิติเรื่องร้องเรียนของปีงบประมาณก่อนหน้า เช่น จำนวนเรื่อง เรื่องที่ดำเนินการแล้วเสร็จ/อยู่ระหว่างดำเนินการ (แม้ไม่มีเรื่องร้องเรียนต้องแสดงว่าไม่มี)', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 17);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O19', 'ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน', '9.5', 'fail', 0.5, 2.5, 'เผยแพร่ผลของกิจกรรมที่ให้ประชาชนมีส่วนร่วมที่จัดในปีที่ประเมิน (เช่น รายงานการประชุมประชาคม สรุปผลการรับฟังความคิดเห็น ข่าวพร้อมวันที่ จำนวนผู้เข้าร่วม และภาพกิจกรรม) ไม่ใช่เพียงหนังสือเชิญ บนเว็บไซต์หลักในหน้า ITA ข้อ O19 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O19 ในหน้า ITA (หน้าแรก)', 'ผลการเปิดโอกาสให้ประชาชนหรือผู้มีส่วนได้ส่วนเสียมีส่วนร่วมในการดำเนินงานของหน่วยงานในปีที่ประเมิน (ข่าวหลังจัดกิจกรรม รายงานการประชุม รายงานผลการรับฟังความคิดเห็น) หนังสือเชิญหรือกำหนดการอย่างเดียวไม่ได้คะแนน', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 18);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O20', 'การขับเคลื่อนนโยบาย No Gift Policy และการเสริมสร้างความรู้เรื่องการรับทรัพย์สินโดยธรรมจรรยา', '10.1', 'fail', 0.5, 5.0, 'เผยแพร่ประกาศเจตนารมณ์ No Gift Policy ของปีที่ประเมิน และรายงานการรับทรัพย์สินหรือประโยชน์อื่นใดของปีงบประมาณก่อนหน้า (ไม่มีการรับก็รายงานว่าไม่มี) พร้อมกิจกรรมให้ความรู้เรื่องการรับทรัพย์สินโดยธรรมจรรยา ไว้ในหน้าเดียวกัน บนเว็บไซต์หลักในหน้า ITA ข้อ O20 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O20 ในหน้า ITA (หน้าแรก)', 'ประกาศเจตนารมณ์นโยบายไม่รับของขวัญ (No Gift Policy) ของปีที่ประเมิน และรายงานการรับทรัพย์สินหรือประโยชน์อื่นใด ของปีงบประมาณก่อนหน้า พร้อมการให้ความรู้เรื่องการรับทรัพย์สินโดยธรรมจรรยา; ปีที่ตรวจคือปีของประกาศ ส่วนรายงานตรวจว่ามี (ไม่ตรวจปี) และตรวจทีละหน้า/เอกสาร จึงควรรวมทั้งสองส่วนไว้ในหน้าข้อ O20 หน้าเดียว', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 19);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O21', 'การประเมินความเสี่ยงการทุจริต', '10.1', 'fail', 0.5, 5.0, 'ประเมินความเสี่ยงการทุจริตของงานที่เสี่ยง (เช่น การอนุมัติอนุญาต การจัดซื้อจัดจ้าง การใช้ทรัพย์สินราชการ) ระบุเหตุการณ์ความเสี่ยง ระดับ (โอกาส × ผลกระทบ) และมาตรการ แล้วเผยแพร่เป็น PDF บนเว็บไซต์หลักในหน้า ITA ข้อ O21 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O21 ในหน้า ITA (หน้าแรก)', 'ผลการประเมินความเสี่ยงการทุจริตและประพฤติมิชอบของปีที่ประเมิน (อาจรวมความเสี่ยงด้านการเบิกจ่ายงบประมาณ) ต้องมี เหตุการณ์ความเสี่ยง ระดับความเสี่ยง และมาตรการจัดการความเสี่ยง; การประเมินความเสี่ยงทั่วไป/ควบคุมภายใน หรือ "ไม่พบความเสี่ยง" ไม่ได้คะแนน', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 20);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O22', 'รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริต', '10.1', 'fail', 0.5, 5.0, 'รายงานผลการดำเนินการตามมาตรการจัดการความเสี่ยงการทุจริตแต่ละเหตุการณ์ของปีงบประมาณก่อนหน้า (ทำอะไร เมื่อใด ผลเป็นอย่างไร) แล้วเผยแพร่บนเว็บไซต์หลักในหน้า ITA ข้อ O22 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O22 ในหน้า ITA (หน้าแรก)', 'รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริตของปีงบประมาณก่อนหน้า (การดำเนินการหรือกิจกรรม เพื่อจัดการความเสี่ยงตามผลการประเมินความเสี่ยง และผลที่ได้)', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 21);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O23', 'แผนปฏิบัติการป้องกันการทุจริต', '10.1', 'fail', 0.5, 5.0, 'เผยแพร่แผนปฏิบัติการป้องกันการทุจริตที่ครอบคลุมปีที่ประเมิน (โครงการ กิจกรรม งบประมาณ ระยะเวลา) เป็น PDF บนเว็บไซต์หลักในหน้า ITA ข้อ O23 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O23 ในหน้า ITA (หน้าแรก)', 'แผนปฏิบัติการป้องกันการทุจริตที่มีโครงการ/กิจกรรม และครอบคลุมปีที่ประเมิน', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 22);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O24', 'รายงานผลการดำเนินการป้องกันการทุจริต', '10.1', 'fail', 0.5, 5.0, 'จัดทำรายงานผลการดำเนินการตามแผนป้องกันการทุจริตของปีงบประมาณก่อนหน้า พร้อมหัวข้อ "ปัญหา อุปสรรค และข้อเสนอแนะ" แล้วเผยแพร่เป็น PDF บนเว็บไซต์หลักในหน้า ITA ข้อ O24 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O24 ในหน้า ITA (หน้าแรก)', 'รายงานผลการดำเนินการป้องกันการทุจริตตามแผนของปีงบประมาณก่อนหน้า มีผลการดำเนินการ และปัญหา อุปสรรค และข้อเสนอแนะ', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 23);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O25', 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', '10.2', 'fail', 0.5, 12.5, 'จัดทำรายงานวิเคราะห์ผลการประเมิน ITA ปีก่อน (คะแนนรายตัวชี้วัด จุดอ่อน ประเด็นที่ต้องพัฒนา) พร้อมตารางมาตรการที่มีคอลัมน์ ผู้รับผิดชอบ ขั้นตอน/วิธีการ และการกำกับติดตาม ลงนามโดยผู้บริหาร แล้วเผยแพร่เป็น PDF บนเว็บไซต์หลักในหน้า ITA ข้อ O25 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O25 ในหน้า ITA (หน้าแรก)', 'การวิเคราะห์ผลการประเมิน ITA ของปีก่อนด้วยหน่วยงานเอง มีประเด็นข้อบกพร่องที่ต้องแก้ไขเร่งด่วน ประเด็นที่ต้องพัฒนา และมาตรการส่งเสริมคุณธรรมที่มีผู้รับผิดชอบ ขั้นตอน/วิธีการ และการกำกับติดตามและรายงานผล; คัดลอกข้อเสนอแนะจาก ITAS ไม่ได้คะแนน', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'low', '[]', '[]', 24);
INSERT INTO [results] ([run_id], [code], [name], [sub_indicator], [status], [confidence], [gain], [fix], [criterion], [missing], [found], [notes], [catalog_confidence], [skipped], [doubts], [position]) VALUES (1, 'O26', 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', '10.2', 'fail', 0.5, 12.5, 'รายงานผลการดำเนินการของแต่ละมาตรการส่งเสริมคุณธรรมและความโปร่งใสของปีงบประมาณก่อนหน้า (ทำอะไร เมื่อใด ผู้รับผิดชอบ ผลที่ได้) แล้วเผยแพร่เป็น PDF บนเว็บไซต์หลักในหน้า ITA ข้อ O26 ตำแหน่งที่แนะนำ: เพิ่มแถวข้อ O26 ในหน้า ITA (หน้าแรก)', 'ความก้าวหน้าหรือผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสอย่างเป็นรูปธรรม ของปีงบประมาณก่อนหน้า', '["ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"]', '[]', '["การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ"]', 'medium', '[]', '[]', 25);
INSERT INTO [evidence] ([run_id], [code], [rank], [url], [title], [snippet], [kind], [offsite], [where_], [fiscal_year], [score]) VALUES (1, 'O1', 0, 'http://unit.example/about', 'โครงสร้างหน่วยงาน', 'โครงสร้างหน่วยงาน โครงสร้างหน่วยงาน โครงสร้างหน่ว…', 'page', 0, 'หน้าแรก › โครงสร้างหน่วยงาน', NULL, 15.0);
INSERT INTO [evidence] ([run_id], [code], [rank], [url], [title], [snippet], [kind], [offsite], [where_], [fiscal_year], [score]) VALUES (1, 'O6', 0, 'http://unit.example/plan.html', 'แผนดำเนินงานประจำปี พ.ศ. 2569', 'แผนดำเนินงานประจำปี พ.ศ. 2569 แผนดำเนินงานประจำปีงบประ…', 'page', 0, 'หน้าแรก › แผนดำเนินงานประจำปี', 2569, 7.0);
INSERT INTO [meta] ([key], [value]) VALUES ('schema_version', '1');
