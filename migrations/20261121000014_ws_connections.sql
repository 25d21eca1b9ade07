-- Real time in the cloud: API Gateway WebSocket owns the sockets, so who is
-- behind each connection and which channels it listens on live here.
-- Connection ids are case-sensitive (base64-like), hence ascii_bin (which
-- drivers report as binary); a subscription's column must match the
-- connection's for the foreign key. Channel names are ours, lowercase.
CREATE TABLE ws_connections (
    connection_id VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    user_id BINARY(16) NOT NULL,
    -- The session the access token belongs to (the caller of socket actions).
    session_family_id BINARY(16) NOT NULL,
    -- The access token's exp: no events after it, and the next frame is refused.
    expires_at DATETIME(6) NOT NULL,
    connected_at DATETIME(6) NOT NULL,
    KEY ws_connections_user_idx (user_id),
    KEY ws_connections_connected_idx (connected_at),
    CONSTRAINT ws_connections_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ws_subscriptions (
    connection_id VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    channel VARCHAR(80) CHARACTER SET ascii NOT NULL,
    PRIMARY KEY (connection_id, channel),
    KEY ws_subscriptions_channel_idx (channel),
    CONSTRAINT ws_subscriptions_connection_fk FOREIGN KEY (connection_id) REFERENCES ws_connections (connection_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
