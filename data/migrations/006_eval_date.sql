-- The 考评日期 written on an organ's filled evaluation sheet (YYYY-MM-DD; '' until one is read
-- back or entered), so that the reprinted sheet and the record say when the evaluation was made.

ALTER TABLE eval_organ ADD COLUMN eval_date TEXT NOT NULL DEFAULT '';
