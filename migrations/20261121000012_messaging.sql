-- Messaging core (issue 5): conversations, their participants with read
-- receipts, and plain-text messages. UUIDv7 ids sort by time, so
-- (conversation_id, id) orders a conversation's messages.

CREATE TABLE conversations (
    id BINARY(16) NOT NULL PRIMARY KEY,
    subject VARCHAR(200) NULL,
    application_id BINARY(16) NULL,
    created_by BINARY(16) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    last_message_at DATETIME(6) NULL,
    KEY conversations_application_idx (application_id),
    CONSTRAINT conversations_application_fk FOREIGN KEY (application_id) REFERENCES applications (id),
    CONSTRAINT conversations_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE messages (
    id BINARY(16) NOT NULL PRIMARY KEY,
    conversation_id BINARY(16) NOT NULL,
    sender_id BINARY(16) NOT NULL,
    body MEDIUMTEXT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    KEY messages_conversation_idx (conversation_id, id),
    CONSTRAINT messages_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id),
    CONSTRAINT messages_sender_fk FOREIGN KEY (sender_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE conversation_participants (
    conversation_id BINARY(16) NOT NULL,
    user_id BINARY(16) NOT NULL,
    joined_at DATETIME(6) NOT NULL,
    last_read_message_id BINARY(16) NULL,
    last_read_at DATETIME(6) NULL,
    PRIMARY KEY (conversation_id, user_id),
    KEY conversation_participants_user_idx (user_id, conversation_id),
    CONSTRAINT conversation_participants_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id),
    CONSTRAINT conversation_participants_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT conversation_participants_read_fk FOREIGN KEY (last_read_message_id) REFERENCES messages (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
