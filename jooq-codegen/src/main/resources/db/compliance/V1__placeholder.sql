CREATE TABLE compliance_events (event_id BIGINT PRIMARY KEY);
