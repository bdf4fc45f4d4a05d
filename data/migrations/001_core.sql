-- The organisation tree, the people, their party membership and the branch committees.
-- Dates are TEXT 'YYYY-MM-DD'; '' means unknown. Derived facts (age, 党龄, overdue terms …)
-- are computed in Go, never stored.

-- A unit is what a branch is built on (支部建在实验室): a lab, research unit, project team,
-- administrative department or field station. Persons work in a unit.
CREATE TABLE unit (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE,
    kind  TEXT NOT NULL DEFAULT '' -- 实验室 / 科研单元 / 项目团队 / 行政机构 / 外场站
);

CREATE TABLE org (
    id            INTEGER PRIMARY KEY,
    parent_id     INTEGER REFERENCES org(id),
    type_code     INTEGER NOT NULL,          -- 611 党委, 621 党总支, 631 党支部, 632 联合党支部, 931 临时党支部 …
    name          TEXT NOT NULL,
    short_name    TEXT NOT NULL DEFAULT '',
    unit_id       INTEGER REFERENCES unit(id),
    founded       TEXT NOT NULL DEFAULT '',
    abolished     TEXT NOT NULL DEFAULT '',
    mission       TEXT NOT NULL DEFAULT '',
    mission_start TEXT NOT NULL DEFAULT '',
    mission_end   TEXT NOT NULL DEFAULT '',
    pledge_signed TEXT NOT NULL DEFAULT '',
    sort          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX org_parent ON org(parent_id);
-- Two live organisations never share a name: imports map branch names to branches.
CREATE UNIQUE INDEX org_live_name ON org(name) WHERE abolished = '';

CREATE TABLE person (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    gender     TEXT NOT NULL DEFAULT '',
    ethnicity  TEXT NOT NULL DEFAULT '',
    birth      TEXT NOT NULL DEFAULT '',
    id_number  TEXT,                          -- NULL when unknown; unique when present
    education  TEXT NOT NULL DEFAULT '',
    degree     TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL DEFAULT '',      -- 职称
    unit_id    INTEGER REFERENCES unit(id),
    post       TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    backbone   INTEGER NOT NULL DEFAULT 0,    -- 科研骨干
    returnee   INTEGER NOT NULL DEFAULT 0,    -- 海外归国
    unit_head  INTEGER NOT NULL DEFAULT 0,    -- 部门负责人
    note       TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX person_id_number ON person(id_number) WHERE id_number IS NOT NULL;
CREATE INDEX person_unit ON person(unit_id);

-- One membership per person: the home branch. Temporary branches are held beside it.
CREATE TABLE membership (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL UNIQUE REFERENCES person(id) ON DELETE CASCADE,
    branch_id  INTEGER NOT NULL REFERENCES org(id),
    category   TEXT NOT NULL DEFAULT '正式党员', -- 正式党员 / 预备党员
    joined     TEXT NOT NULL DEFAULT '',
    full_date  TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT '正常'      -- 正常 / 已转出 / 已减员 / 历史
);
CREATE INDEX membership_branch ON membership(branch_id);

-- Dated moves of a membership; to_branch NULL means out of the institute (转出).
CREATE TABLE transfer (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    from_branch  INTEGER REFERENCES org(id),
    to_branch    INTEGER REFERENCES org(id),
    on_date      TEXT NOT NULL,
    kind         TEXT NOT NULL,                 -- 转入 / 转出 / 内部调动 / 状态变更
    detail       TEXT NOT NULL DEFAULT '',
    reason       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX transfer_person ON transfer(person_id);

-- Members of a temporary mission branch, beside their home branch.
CREATE TABLE temp_member (
    id         INTEGER PRIMARY KEY,
    branch_id  INTEGER NOT NULL REFERENCES org(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    from_date  TEXT NOT NULL DEFAULT '',
    to_date    TEXT NOT NULL DEFAULT '',
    UNIQUE (branch_id, person_id, from_date)
);

-- A committee term (届): three years for a branch.
CREATE TABLE term (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES org(id) ON DELETE CASCADE,
    start_date  TEXT NOT NULL,
    due_end     TEXT NOT NULL,
    actual_end  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX term_org ON term(org_id);

CREATE TABLE seat (
    id         INTEGER PRIMARY KEY,
    term_id    INTEGER NOT NULL REFERENCES term(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES person(id),
    role       TEXT NOT NULL,                 -- 书记 / 副书记 / 组织委员 / 宣传委员 / 纪检委员 / 青年委员 / 委员
    from_date  TEXT NOT NULL DEFAULT '',
    to_date    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX seat_term ON seat(term_id);
CREATE INDEX seat_person ON seat(person_id);
