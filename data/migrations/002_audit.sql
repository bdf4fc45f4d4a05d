-- What changed, when, by whom and why; and import batches that can be undone as a whole.

CREATE TABLE batch (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,              -- 花名册导入 / AB岗导入 / 评分导入 …
    source     TEXT NOT NULL DEFAULT '',   -- the file it came from
    at         TEXT NOT NULL,              -- RFC 3339
    user       TEXT NOT NULL DEFAULT '',
    summary    TEXT NOT NULL DEFAULT '',
    undone_at  TEXT NOT NULL DEFAULT ''
);

-- Before- and after-images of every row a batch touched, so undo can put them back and can
-- tell when a row was edited since (after differs from the row as it is now).
CREATE TABLE batch_change (
    id        INTEGER PRIMARY KEY,
    batch_id  INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
    tbl       TEXT NOT NULL,
    row_id    INTEGER NOT NULL,
    op        TEXT NOT NULL,               -- insert / update
    before    TEXT NOT NULL DEFAULT '',    -- JSON of the row before (update)
    after     TEXT NOT NULL DEFAULT ''     -- JSON of the row after the batch
);
CREATE INDEX batch_change_batch ON batch_change(batch_id);

CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    user      TEXT NOT NULL DEFAULT '',
    action    TEXT NOT NULL,               -- 导入 / 撤销导入 / 状态变更 / 转接 / 评分修改 / 恢复备份 …
    subject   TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT '',
    reason    TEXT NOT NULL DEFAULT '',
    batch_id  INTEGER REFERENCES batch(id)
);
CREATE INDEX audit_at ON audit(at);
