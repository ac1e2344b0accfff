-- Issue 14 (load): an officer's prospect list (GET /api/prospects, /pipeline/list) is "visible prospects, stalest
-- first", a page of 20 ordered by (last_progress_at, id) under the visibility rule's OR of owner, leader, pool and
-- team. At 30 000 prospects it merged three indexes and sorted ~4 400 rows for every page (17-22 ms on the server
-- under load 30). This index is in the page's order and carries the rule's columns: the page walks it and stops after
-- 20 visible rows (0.2-0.4 ms), and the page's count reads it instead of the table's rows (see docs/benchmarks.md §2).
ALTER TABLE prospect
    ADD KEY ix_prospect_progress_visibility (last_progress_at, id, owner, leader, confidential, team_code);
