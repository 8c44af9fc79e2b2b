-- A small store of version 3 (many units) for tests/test_browse.py: the tables the canned queries read, and
--   unit 1: two crawls (runs 1 and 3), each re-checked once (evaluations 1, 5 of run 1; 3, 4 of run 3):
--           latest = evaluation 4, previous = evaluation 5 (the newest of run 1, though added last);
--           O12 had two evidence URLs in evaluation 5 and has none in evaluation 4 (it disappeared);
--           O1 fails only in the superseded evaluation 3.
--   unit 2: one crawl (run 2, evaluation 2); O12 fails there.
--   unit 3: one crawl that hit a problem (run 4), no evaluation.
-- The test sets PRAGMA user_version to the store version the code under test knows.
CREATE TABLE runs (id INTEGER PRIMARY KEY, unit_url TEXT, unit_name TEXT, unit_type TEXT, fiscal_year INTEGER,
  catalog_id TEXT, catalog_version TEXT, catalog_confidence TEXT, catalog_path TEXT, settings TEXT, started TEXT,
  finished TEXT, status TEXT, crawl_status TEXT, crawl_finished TEXT, crawl_stats TEXT, partial_reason TEXT,
  stats TEXT, score TEXT, warnings TEXT, tool_version TEXT, unit_id INTEGER, batch_id INTEGER,
  problem TEXT NOT NULL DEFAULT '', problem_kind TEXT NOT NULL DEFAULT '');
CREATE TABLE units (id INTEGER PRIMARY KEY, code TEXT UNIQUE, name TEXT, url TEXT, url_key TEXT, type TEXT,
  province TEXT, parent TEXT, year INTEGER, catalog TEXT, email TEXT, webhook TEXT, added TEXT, updated TEXT);
CREATE TABLE unit_urls (unit_id INTEGER, url TEXT, url_key TEXT, source TEXT, first_seen TEXT, last_seen TEXT,
  PRIMARY KEY (unit_id, url));
CREATE TABLE evaluations (id INTEGER PRIMARY KEY, run_id INTEGER, unit_id INTEGER, fiscal_year INTEGER,
  unit_type TEXT, catalog_id TEXT, catalog_version TEXT, catalog_confidence TEXT, catalog_path TEXT, finished TEXT,
  partial INTEGER, score TEXT, stats TEXT, warnings TEXT, unit_name TEXT, tool_version TEXT, settings TEXT);
CREATE TABLE results (evaluation_id INTEGER, run_id INTEGER, code TEXT, name TEXT, sub_indicator TEXT,
  status TEXT, confidence REAL, gain REAL, fix TEXT, criterion TEXT, missing TEXT, found TEXT, notes TEXT,
  catalog_confidence TEXT, skipped TEXT, doubts TEXT, position INTEGER, PRIMARY KEY (evaluation_id, code));
CREATE TABLE evidence (evaluation_id INTEGER, run_id INTEGER, code TEXT, rank INTEGER, url TEXT, title TEXT,
  snippet TEXT, kind TEXT, offsite INTEGER, where_ TEXT, fiscal_year INTEGER, score REAL,
  PRIMARY KEY (evaluation_id, code, rank));
CREATE TABLE unreadable (evaluation_id INTEGER, run_id INTEGER, url TEXT, reason TEXT,
  PRIMARY KEY (evaluation_id, url));
CREATE TABLE batches (id INTEGER PRIMARY KEY, source TEXT, started TEXT, finished TEXT, status TEXT,
  concurrency INTEGER, settings TEXT);
CREATE TABLE batch_units (batch_id INTEGER, unit_id INTEGER, state TEXT, run_id INTEGER, evaluation_id INTEGER,
  reason TEXT, started TEXT, finished TEXT);

INSERT INTO units (id, code, name, url, url_key, type, province, parent) VALUES
  (1, '5340101', 'อบต.บ้านใหม่', 'https://www.banmai.go.th', 'banmai.go.th', 'lao', 'เชียงใหม่', 'อำเภอเมือง'),
  (2, '5340102', 'เทศบาลตำบลนาดี', 'https://nadee.go.th', 'nadee.go.th', 'lao', 'ลำปาง', 'อำเภอเกาะคา'),
  (3, '5340103', 'อบต.ป่าแดง', 'https://padaeng.go.th', 'padaeng.go.th', 'lao', 'เชียงใหม่', 'อำเภอสันทราย');

INSERT INTO batches (id, source, started, finished, status, concurrency) VALUES
  (1, 'units.csv', '2026-01-05T01:00:00', '2026-01-05T03:00:00', 'done', 4);

INSERT INTO runs (id, unit_url, unit_name, unit_id, batch_id, started, finished, status, problem, problem_kind) VALUES
  (1, 'https://www.banmai.go.th', 'อบต.บ้านใหม่', 1, NULL, '2025-12-01T01:00:00', '2025-12-01T01:20:00', 'done', '', ''),
  (2, 'https://nadee.go.th', 'เทศบาลตำบลนาดี', 2, 1, '2026-01-05T01:00:00', '2026-01-05T01:30:00', 'done', '', ''),
  (3, 'https://www.banmai.go.th', 'อบต.บ้านใหม่', 1, 1, '2026-01-05T01:00:00', '2026-01-05T01:25:00', 'done', '', ''),
  (4, 'https://padaeng.go.th', 'อบต.ป่าแดง', 3, 1, '2026-01-05T01:00:00', '2026-01-05T01:01:00', 'failed',
   'เข้าเว็บไซต์ไม่ได้ (connection refused)', 'unreachable');

INSERT INTO evaluations (id, run_id, unit_id, fiscal_year, unit_type, catalog_id, finished, partial, score) VALUES
  (1, 1, 1, 2569, 'lao', 'nacc-2569', '2025-12-01T01:21:00', 0, '{"oit": 55.0, "band": "C"}'),
  (2, 2, 2, 2569, 'lao', 'nacc-2569', '2026-01-05T01:31:00', 0, '{"oit": 90.0, "band": "A"}'),
  (3, 3, 1, 2569, 'lao', 'nacc-2569', '2026-01-05T01:26:00', 0, '{"oit": 70.0, "band": "B"}'),
  (4, 3, 1, 2569, 'lao', 'nacc-2569', '2026-01-06T09:00:00', 0, '{"oit": 75.0, "band": "B"}'),
  (5, 1, 1, 2569, 'lao', 'nacc-2569', '2026-01-07T09:00:00', 0, '{"oit": 60.0, "band": "C"}');

INSERT INTO results (evaluation_id, run_id, code, name, status, position) VALUES
  (1, 1, 'O1', 'โครงสร้าง', 'pass', 1), (1, 1, 'O12', 'รายงานผลการจัดซื้อจัดจ้าง', 'fail', 12),
  (1, 1, 'O13', 'แผนการจัดซื้อจัดจ้าง', 'fail', 13),
  (5, 1, 'O1', 'โครงสร้าง', 'pass', 1), (5, 1, 'O12', 'รายงานผลการจัดซื้อจัดจ้าง', 'pass', 12),
  (5, 1, 'O13', 'แผนการจัดซื้อจัดจ้าง', 'pass', 13),
  (3, 3, 'O1', 'โครงสร้าง', 'fail', 1), (3, 3, 'O12', 'รายงานผลการจัดซื้อจัดจ้าง', 'fail', 12),
  (3, 3, 'O13', 'แผนการจัดซื้อจัดจ้าง', 'pass', 13),
  (4, 3, 'O1', 'โครงสร้าง', 'pass', 1), (4, 3, 'O12', 'รายงานผลการจัดซื้อจัดจ้าง', 'fail', 12),
  (4, 3, 'O13', 'แผนการจัดซื้อจัดจ้าง', 'partial', 13),
  (2, 2, 'O1', 'โครงสร้าง', 'pass', 1), (2, 2, 'O12', 'รายงานผลการจัดซื้อจัดจ้าง', 'fail', 12),
  (2, 2, 'O13', 'แผนการจัดซื้อจัดจ้าง', 'pass', 13);

INSERT INTO evidence (evaluation_id, run_id, code, rank, url, title) VALUES
  (5, 1, 'O1', 1, 'https://www.banmai.go.th/structure', 'โครงสร้าง'),
  (5, 1, 'O12', 1, 'https://www.banmai.go.th/o12.pdf', 'รายงานผล'),
  (5, 1, 'O12', 2, 'https://www.banmai.go.th/o12-q2.pdf', 'รายงานผล ไตรมาส 2'),
  (5, 1, 'O13', 1, 'https://www.banmai.go.th/plan.pdf', 'แผน'),
  (3, 3, 'O13', 1, 'https://www.banmai.go.th/plan.pdf', 'แผน'),
  (4, 3, 'O1', 1, 'https://www.banmai.go.th/structure', 'โครงสร้าง'),
  (4, 3, 'O13', 1, 'https://www.banmai.go.th/plan2.pdf', 'แผน'),
  (2, 2, 'O1', 1, 'https://nadee.go.th/structure', 'โครงสร้าง'),
  (2, 2, 'O13', 1, 'https://nadee.go.th/plan.pdf', 'แผน');
