-- CSV user imports: the file's rows are stored at upload, then processed in
-- chunks by the import consumer. Each row records its own outcome, so a
-- redelivered chunk skips rows already done.
CREATE TABLE user_imports (
    id BINARY(16) NOT NULL PRIMARY KEY,
    company_id BINARY(16) NOT NULL,
    created_by BINARY(16) NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    file_sha256 CHAR(64) NOT NULL,
    status VARCHAR(16) NOT NULL,
    total INT UNSIGNED NOT NULL,
    created_at DATETIME(6) NOT NULL,
    started_at DATETIME(6) NULL,
    finished_at DATETIME(6) NULL,
    KEY user_imports_company_idx (company_id, created_at),
    CONSTRAINT user_imports_company_fk FOREIGN KEY (company_id) REFERENCES companies (id),
    CONSTRAINT user_imports_creator_fk FOREIGN KEY (created_by) REFERENCES users (id),
    CONSTRAINT user_imports_status_chk CHECK (status IN ('queued', 'processing', 'completed'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_import_rows (
    import_id BINARY(16) NOT NULL,
    row_no INT UNSIGNED NOT NULL,
    email VARCHAR(320) NOT NULL,
    full_name VARCHAR(400) NOT NULL,
    role VARCHAR(128) NOT NULL,
    -- Chosen at upload so a retried row recognises the user it already created.
    user_id BINARY(16) NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    error_field VARCHAR(32) NULL,
    error_message VARCHAR(500) NULL,
    PRIMARY KEY (import_id, row_no),
    KEY user_import_rows_outcome_idx (import_id, outcome),
    CONSTRAINT user_import_rows_import_fk FOREIGN KEY (import_id) REFERENCES user_imports (id),
    CONSTRAINT user_import_rows_outcome_chk CHECK (outcome IN ('pending', 'created', 'skipped', 'failed'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
