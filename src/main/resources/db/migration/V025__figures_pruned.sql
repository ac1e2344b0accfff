-- Issue 14: pruning the change log (FiguresVersions.prune, every 30 s under a load of writes) deleted every row and
-- added one per topic, which changed every topic's version: every kept figure and list count was computed again, and
-- the dashboard's pursuit facts and goal progress's firms were read again in full, twice a minute. A topic's version is
-- now the number of change rows ever committed for it: the rows present plus those pruning deleted, which it adds here
-- in the same transaction. That number only grows, by one for each committed change (a row committed late with a
-- lower id included), so equal numbers mean the same changes, and pruning leaves every version as it was.
--   n     change rows of the topic deleted by pruning
--   upto  the highest id a pruning deleted up to (for diagnosis)
CREATE TABLE figures_pruned (
    topic  VARCHAR(16) NOT NULL,
    n      BIGINT      NOT NULL DEFAULT 0,
    upto   BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (topic)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO figures_pruned (topic) VALUES ('pipeline'), ('activity'), ('offer'), ('goals'), ('lists'), ('stages');
