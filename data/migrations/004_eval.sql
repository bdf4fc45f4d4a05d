-- Model-organ criteria (模范机关创建): criteria sets per year, evaluation rounds of the
-- administrative departments, scores by evaluator group, ballots, overrides, vetoes.
-- Points are REAL (0.5-point deductions); dates TEXT 'YYYY-MM-DD'.

-- A criteria set (指标体系) of one year; rounds point at the set they use.
CREATE TABLE eval_set (
    id    INTEGER PRIMARY KEY,
    year  INTEGER NOT NULL,
    name  TEXT NOT NULL,
    note  TEXT NOT NULL DEFAULT ''
);

-- 一级指标 with its weight; a bonus dimension (加分项) adds on top of 100, capped at cap.
CREATE TABLE eval_dimension (
    id      INTEGER PRIMARY KEY,
    set_id  INTEGER NOT NULL REFERENCES eval_set(id) ON DELETE CASCADE,
    name    TEXT NOT NULL,
    weight  REAL NOT NULL DEFAULT 0,
    bonus   INTEGER NOT NULL DEFAULT 0,
    cap     REAL NOT NULL DEFAULT 0,
    sort    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX eval_dimension_set ON eval_dimension(set_id);

-- 二级指标: content and scoring standard, max points, method (扣分/分档/加分/测评/计算), the
-- graded levels ("8/6/4/0") and, for indicators computed from the data, the source key.
CREATE TABLE eval_indicator (
    id            INTEGER PRIMARY KEY,
    dimension_id  INTEGER NOT NULL REFERENCES eval_dimension(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    content       TEXT NOT NULL DEFAULT '',
    max_points    REAL NOT NULL DEFAULT 0,
    method        TEXT NOT NULL DEFAULT '扣分',
    levels        TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL DEFAULT '',
    sort          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX eval_indicator_dimension ON eval_indicator(dimension_id);

-- A yearly evaluation round; locked when final (only unlocking with a reason changes it).
CREATE TABLE eval_round (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL,
    name         TEXT NOT NULL,
    set_id       INTEGER NOT NULL REFERENCES eval_set(id),
    ref_date     TEXT NOT NULL DEFAULT '',
    deadline     TEXT NOT NULL DEFAULT '',
    locked       INTEGER NOT NULL DEFAULT 0,
    locked_at    TEXT NOT NULL DEFAULT '',
    lock_reason  TEXT NOT NULL DEFAULT ''
);

-- The organs evaluated: departments (unit rows of kind 行政机构).
CREATE TABLE eval_organ (
    id        INTEGER PRIMARY KEY,
    round_id  INTEGER NOT NULL REFERENCES eval_round(id) ON DELETE CASCADE,
    unit_id   INTEGER NOT NULL REFERENCES unit(id),
    sort      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (round_id, unit_id)
);

-- Evaluator groups with weights: kind 'score' groups score each indicator on the sheet,
-- a 'ballot' group's total is the satisfaction ballot.
CREATE TABLE eval_group (
    id        INTEGER PRIMARY KEY,
    round_id  INTEGER NOT NULL REFERENCES eval_round(id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    weight    REAL NOT NULL DEFAULT 0,
    kind      TEXT NOT NULL DEFAULT 'score',
    deadline  TEXT NOT NULL DEFAULT '',
    sort      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (round_id, name)
);

CREATE TABLE eval_score (
    id            INTEGER PRIMARY KEY,
    organ_id      INTEGER NOT NULL REFERENCES eval_organ(id) ON DELETE CASCADE,
    indicator_id  INTEGER NOT NULL REFERENCES eval_indicator(id),
    group_id      INTEGER NOT NULL REFERENCES eval_group(id) ON DELETE CASCADE,
    points        REAL NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    UNIQUE (organ_id, indicator_id, group_id)
);

-- Ballots counted per organ and evaluator category (科研人员, 职工代表 …).
CREATE TABLE eval_ballot (
    id           INTEGER PRIMARY KEY,
    organ_id     INTEGER NOT NULL REFERENCES eval_organ(id) ON DELETE CASCADE,
    category     TEXT NOT NULL DEFAULT '',
    satisfied    INTEGER NOT NULL DEFAULT 0,
    basic        INTEGER NOT NULL DEFAULT 0,
    unsatisfied  INTEGER NOT NULL DEFAULT 0,
    unknown      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (organ_id, category)
);

-- An evaluator's override of a computed (or ballot) value, with the reason.
CREATE TABLE eval_override (
    id            INTEGER PRIMARY KEY,
    organ_id      INTEGER NOT NULL REFERENCES eval_organ(id) ON DELETE CASCADE,
    indicator_id  INTEGER NOT NULL REFERENCES eval_indicator(id),
    points        REAL NOT NULL,
    reason        TEXT NOT NULL,
    UNIQUE (organ_id, indicator_id)
);

-- 一票否决: forces the organ's grade to 不合格.
CREATE TABLE eval_veto (
    id        INTEGER PRIMARY KEY,
    organ_id  INTEGER NOT NULL UNIQUE REFERENCES eval_organ(id) ON DELETE CASCADE,
    reason    TEXT NOT NULL
);
