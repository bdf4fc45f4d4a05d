-- The institute's profile: what printed titles say. The 党委's full and short name are the root
-- organisation's own (org.name, org.short_name), so only the institute's name is kept here.
-- One row at most.

CREATE TABLE profile (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    institute  TEXT NOT NULL DEFAULT ''   -- 某某研究院
);
