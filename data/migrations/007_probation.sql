-- An extended probation (延长预备期, decided by the branch's general meeting and approved by the
-- 党委, once, by six months to a year) ends on this day instead of a year after joining.
-- '' when the probation was not extended.

ALTER TABLE membership ADD COLUMN probation_end TEXT NOT NULL DEFAULT '';
