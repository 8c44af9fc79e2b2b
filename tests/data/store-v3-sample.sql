-- A small store of version 3 (many units) for tests/test_browse.py: the tables the canned queries read, and
--   unit 1: two crawls (runs 1 and 3), each re-checked once (evaluations 1, 5 of run 1; 3, 4 of run 3):
--           latest = evaluation 4, previous = evaluation 5 (the newest of run 1, though added last);
--           O12 had two evidence URLs in evaluation 5 and has none in evaluation 4 (it disappeared);
--           O1 fails only in the superseded evaluation 3.
--   unit 2: one crawl (run 2, evaluation 2); O12 fails there.
--   unit 3: one crawl that hit a problem (run 4), no evaluation.
-- Rows only: the test makes the tables with the store's own migrations (storage.schema).

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
