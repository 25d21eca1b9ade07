-- The audit log is append-only: the database itself refuses UPDATE and DELETE.
CREATE TABLE audit_log (
    id BINARY(16) NOT NULL PRIMARY KEY,
    occurred_at DATETIME(6) NOT NULL,
    action VARCHAR(64) NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    actor_id BINARY(16) NULL,
    company_id BINARY(16) NULL,
    target_type VARCHAR(64) NULL,
    target_id VARCHAR(64) NULL,
    ip VARCHAR(64) NULL,
    user_agent VARCHAR(500) NULL,
    request_id VARCHAR(64) NULL,
    details JSON NOT NULL,
    KEY audit_log_company_time_idx (company_id, occurred_at),
    KEY audit_log_actor_idx (actor_id, occurred_at),
    KEY audit_log_action_idx (action, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';
