-- The last chart number handed out automatically. Replaces a max() over all patients per insert,
-- which made creating a patient O(n).
CREATE TABLE chart_sequence (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    last INTEGER NOT NULL
);
INSERT INTO chart_sequence (id, last)
SELECT 1, coalesce(max(CAST(chart_number AS INTEGER)), 0)
FROM patients
WHERE chart_number GLOB '[0-9]*';
