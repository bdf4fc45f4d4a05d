-- A/B posts for one-stop service (AB岗). Departments are units of kind 行政机构; the persons on
-- the posts are person rows. Dates are TEXT 'YYYY-MM-DD'; '' means open-ended.

-- A front-line service item of a department's catalogue (一次性告知: everything a visitor needs).
CREATE TABLE ab_item (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL DEFAULT '',
    name        TEXT NOT NULL,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    door        TEXT NOT NULL DEFAULT '',          -- 办理窗口, e.g. 综合服务大厅1号窗口
    time_limit  INTEGER NOT NULL DEFAULT 0,        -- 办理时限, working days; 0 = 即办
    materials   TEXT NOT NULL DEFAULT '',          -- 所需材料
    basis       TEXT NOT NULL DEFAULT '',          -- 办理依据
    visits      INTEGER NOT NULL DEFAULT 1,        -- 跑动次数
    phone       TEXT NOT NULL DEFAULT '',
    sort        INTEGER NOT NULL DEFAULT 0
);
-- A department names an item once: imports match rows to items by department and name.
CREATE UNIQUE INDEX ab_item_unit_name ON ab_item(unit_id, name);

-- The 报备 record: who held the A or B post of an item from–to. A change closes the open row
-- and opens a new one, so who served an item on a past day stays answerable.
CREATE TABLE ab_assignment (
    id         INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES ab_item(id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('A', 'B')),
    person_id  INTEGER NOT NULL REFERENCES person(id),
    from_date  TEXT NOT NULL DEFAULT '',
    to_date    TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT ''             -- approval / 报备 note
);
CREATE INDEX ab_assignment_item ON ab_assignment(item_id);
CREATE INDEX ab_assignment_person ON ab_assignment(person_id);

-- A person away from their posts: 请假 / 出差 / 学习 / 会议, with the handover (交接) to B.
CREATE TABLE ab_absence (
    id             INTEGER PRIMARY KEY,
    person_id      INTEGER NOT NULL REFERENCES person(id),
    from_date      TEXT NOT NULL,
    to_date        TEXT NOT NULL,
    kind           TEXT NOT NULL DEFAULT '请假',
    handover_note  TEXT NOT NULL DEFAULT '',
    handed_over    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ab_absence_person ON ab_absence(person_id, from_date);
CREATE INDEX ab_absence_span ON ab_absence(to_date, from_date);

-- Exceptions to the Monday–Friday week: public holidays (working = 0) and adjusted working
-- days such as a Saturday worked in exchange (调休上班, working = 1).
CREATE TABLE ab_calendar_day (
    id       INTEGER PRIMARY KEY,
    day      TEXT NOT NULL UNIQUE,
    working  INTEGER NOT NULL,
    name     TEXT NOT NULL DEFAULT ''
);
