-- Identity: companies, users, roles, sessions, one-time secrets, password resets, SSO links.
-- Ids are UUIDv7 in BINARY(16); times are UTC DATETIME(6). Runs on MySQL 8 and MariaDB 10.11.

CREATE TABLE companies (
    id BINARY(16) NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    company_type VARCHAR(16) NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'active',
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    CONSTRAINT companies_type_chk CHECK (company_type IN ('agency', 'employer'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE users (
    id BINARY(16) NOT NULL PRIMARY KEY,
    email VARCHAR(254) NOT NULL,
    full_name VARCHAR(200) NOT NULL,
    password_hash VARCHAR(255) NULL,
    status VARCHAR(32) NOT NULL,
    company_id BINARY(16) NULL,
    failed_login_count INT UNSIGNED NOT NULL DEFAULT 0,
    locked_until DATETIME(6) NULL,
    login_hold_reason VARCHAR(500) NULL,
    last_login_at DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    UNIQUE KEY users_email_uq (email),
    KEY users_company_idx (company_id),
    CONSTRAINT users_company_fk FOREIGN KEY (company_id) REFERENCES companies (id),
    CONSTRAINT users_status_chk CHECK (status IN ('pending_verification', 'pending_activation', 'active', 'deactivated'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- System roles have company_id NULL and are synced from the domain at start;
-- custom roles belong to one company.
CREATE TABLE roles (
    id BINARY(16) NOT NULL PRIMARY KEY,
    company_id BINARY(16) NULL,
    name VARCHAR(64) NOT NULL,
    description VARCHAR(500) NOT NULL DEFAULT '',
    is_system TINYINT(1) NOT NULL DEFAULT 0,
    -- Generated key so "one name per company" also holds for system roles (NULL company).
    scope_key BINARY(16) AS (COALESCE(company_id, 0x00000000000000000000000000000000)) STORED,
    created_at DATETIME(6) NOT NULL,
    UNIQUE KEY roles_scope_name_uq (scope_key, name),
    CONSTRAINT roles_company_fk FOREIGN KEY (company_id) REFERENCES companies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE role_permissions (
    role_id BINARY(16) NOT NULL,
    permission VARCHAR(64) NOT NULL,
    PRIMARY KEY (role_id, permission),
    CONSTRAINT role_permissions_role_fk FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE user_roles (
    user_id BINARY(16) NOT NULL,
    role_id BINARY(16) NOT NULL,
    PRIMARY KEY (user_id, role_id),
    KEY user_roles_role_idx (role_id),
    CONSTRAINT user_roles_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT user_roles_role_fk FOREIGN KEY (role_id) REFERENCES roles (id)
) ENGINE=InnoDB;

CREATE TABLE session_families (
    id BINARY(16) NOT NULL PRIMARY KEY,
    user_id BINARY(16) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    revoked_at DATETIME(6) NULL,
    revoke_reason VARCHAR(64) NULL,
    KEY session_families_user_idx (user_id),
    CONSTRAINT session_families_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB;

CREATE TABLE refresh_tokens (
    id BINARY(16) NOT NULL PRIMARY KEY,
    family_id BINARY(16) NOT NULL,
    token_digest CHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    rotated_at DATETIME(6) NULL,
    UNIQUE KEY refresh_tokens_digest_uq (token_digest),
    KEY refresh_tokens_family_idx (family_id),
    CONSTRAINT refresh_tokens_family_fk FOREIGN KEY (family_id) REFERENCES session_families (id)
) ENGINE=InnoDB;

CREATE TABLE two_factor_challenges (
    id BINARY(16) NOT NULL PRIMARY KEY,
    user_id BINARY(16) NOT NULL,
    code_digest CHAR(64) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    attempts INT UNSIGNED NOT NULL DEFAULT 0,
    consumed_at DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL,
    KEY two_factor_challenges_user_idx (user_id),
    CONSTRAINT two_factor_challenges_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB;

CREATE TABLE one_time_tokens (
    id BINARY(16) NOT NULL PRIMARY KEY,
    purpose VARCHAR(32) NOT NULL,
    user_id BINARY(16) NOT NULL,
    token_digest CHAR(64) NOT NULL,
    reference VARCHAR(64) NULL,
    expires_at DATETIME(6) NOT NULL,
    consumed_at DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL,
    UNIQUE KEY one_time_tokens_digest_uq (purpose, token_digest),
    KEY one_time_tokens_user_idx (user_id),
    CONSTRAINT one_time_tokens_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB;

CREATE TABLE password_reset_requests (
    id BINARY(16) NOT NULL PRIMARY KEY,
    user_id BINARY(16) NOT NULL,
    -- NULL: super admins approve (candidates and company admins).
    approver_company_id BINARY(16) NULL,
    status VARCHAR(16) NOT NULL,
    requested_at DATETIME(6) NOT NULL,
    requested_ip VARCHAR(64) NULL,
    approved_by BINARY(16) NULL,
    approved_at DATETIME(6) NULL,
    completed_at DATETIME(6) NULL,
    KEY password_reset_requests_user_idx (user_id, status),
    KEY password_reset_requests_scope_idx (approver_company_id, status),
    CONSTRAINT password_reset_requests_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT password_reset_requests_status_chk CHECK (status IN ('pending', 'approved', 'completed'))
) ENGINE=InnoDB;

CREATE TABLE sso_links (
    provider VARCHAR(16) NOT NULL,
    subject VARCHAR(255) NOT NULL,
    user_id BINARY(16) NOT NULL,
    linked_at DATETIME(6) NOT NULL,
    PRIMARY KEY (provider, subject),
    UNIQUE KEY sso_links_user_uq (provider, user_id),
    CONSTRAINT sso_links_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB;

CREATE TABLE notifications (
    id BINARY(16) NOT NULL PRIMARY KEY,
    user_id BINARY(16) NOT NULL,
    kind VARCHAR(64) NOT NULL,
    title VARCHAR(200) NOT NULL,
    body TEXT NOT NULL,
    link VARCHAR(500) NULL,
    data JSON NULL,
    created_at DATETIME(6) NOT NULL,
    read_at DATETIME(6) NULL,
    KEY notifications_user_idx (user_id, read_at, created_at),
    CONSTRAINT notifications_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Queue consumers record the business key of each message they finished, so a
-- redelivered message is not processed twice.
CREATE TABLE processed_messages (
    consumer VARCHAR(64) NOT NULL,
    message_key VARCHAR(128) NOT NULL,
    processed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (consumer, message_key)
) ENGINE=InnoDB;
