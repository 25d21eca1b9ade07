-- Tenant settings and email template overrides. `owner_key` is the company id,
-- or sixteen zero bytes for the platform level the super admin edits (the
-- defaults every company inherits); a NULL would not be unique.
CREATE TABLE tenant_settings (
    owner_key BINARY(16) NOT NULL PRIMARY KEY,
    settings JSON NOT NULL,
    updated_by BINARY(16) NULL,
    updated_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE email_templates (
    owner_key BINARY(16) NOT NULL,
    name VARCHAR(64) NOT NULL,
    subject TEXT NOT NULL,
    body_text MEDIUMTEXT NOT NULL,
    body_html MEDIUMTEXT NOT NULL,
    updated_by BINARY(16) NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (owner_key, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which notification kinds also email the user; absent rows take the default.
CREATE TABLE notification_preferences (
    user_id BINARY(16) NOT NULL,
    kind VARCHAR(64) NOT NULL,
    email BOOLEAN NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, kind),
    CONSTRAINT notification_preferences_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Notifications made by the events consumer are keyed by the event, so a
-- redelivered event adds none twice.
ALTER TABLE notifications
    ADD COLUMN event_id BINARY(16) NULL,
    ADD UNIQUE KEY notifications_event_uq (event_id, user_id, kind);
