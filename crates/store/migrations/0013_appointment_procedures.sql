-- The procedures an appointment is booked for (by default its type's); "due today" and the visit
-- read them.
ALTER TABLE appointments ADD COLUMN procedures_json TEXT NOT NULL DEFAULT '[]';
