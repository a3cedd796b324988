-- "First available" reads one provider's and some operatories' appointments over 90 days.
CREATE INDEX appointments_by_provider ON appointments (provider_id, start_epoch);
CREATE INDEX appointments_by_operatory ON appointments (operatory_id, start_epoch);
