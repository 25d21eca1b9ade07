-- Messaging attachments and delivery receipts (issue 5).
-- An attachment is a stored file (purpose `message_attachment`) uploaded into
-- a conversation; it joins a message when the message is sent. Who may see it
-- is decided by the conversation's participants, never by company.

CREATE TABLE message_attachments (
    file_id BINARY(16) NOT NULL PRIMARY KEY,
    conversation_id BINARY(16) NOT NULL,
    uploaded_by BINARY(16) NOT NULL,
    message_id BINARY(16) NULL,
    created_at DATETIME(6) NOT NULL,
    KEY message_attachments_conversation_idx (conversation_id),
    KEY message_attachments_message_idx (message_id, file_id),
    CONSTRAINT message_attachments_file_fk FOREIGN KEY (file_id) REFERENCES stored_files (id),
    CONSTRAINT message_attachments_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations (id),
    CONSTRAINT message_attachments_uploader_fk FOREIGN KEY (uploaded_by) REFERENCES users (id),
    CONSTRAINT message_attachments_message_fk FOREIGN KEY (message_id) REFERENCES messages (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Delivery receipts beside read receipts; both only move forward.
ALTER TABLE conversation_participants
    ADD COLUMN last_delivered_message_id BINARY(16) NULL AFTER last_read_at,
    ADD COLUMN last_delivered_at DATETIME(6) NULL AFTER last_delivered_message_id,
    ADD CONSTRAINT conversation_participants_delivered_fk FOREIGN KEY (last_delivered_message_id) REFERENCES messages (id);
