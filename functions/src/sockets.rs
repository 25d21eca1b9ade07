//! The API Gateway WebSocket's routes: the cloud side of real time, one
//! Lambda each (locally the `local` bin serves `GET /ws` instead). Apart from
//! `routes::all()`, which holds HTTP routes only (its OpenAPI document, access
//! rules and authorization matrix do not apply to socket events).

/// What a socket route's function does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SocketEvent {
    /// `$connect`: authenticate the handshake and register the connection.
    Connect,
    /// `$disconnect`: forget the connection.
    Disconnect,
    /// `$default`: every client frame.
    Message,
}

pub struct SocketRoute {
    /// The Lambda function and bin name.
    pub name: &'static str,
    /// The API Gateway route key.
    pub route_key: &'static str,
    pub event: SocketEvent,
    /// One line for template.yaml (plain YAML: no `: `).
    pub description: &'static str,
}

pub fn all() -> Vec<SocketRoute> {
    vec![
        SocketRoute {
            name: "ws_connect",
            route_key: "$connect",
            event: SocketEvent::Connect,
            description: "WebSocket $connect. Authenticates the access token and registers the connection on its user channel.",
        },
        SocketRoute {
            name: "ws_disconnect",
            route_key: "$disconnect",
            event: SocketEvent::Disconnect,
            description: "WebSocket $disconnect. Forgets the connection and its subscriptions.",
        },
        SocketRoute {
            name: "ws_message",
            route_key: "$default",
            event: SocketEvent::Message,
            description: "WebSocket $default. Answers client frames (subscribe, unsubscribe, join, leave, messaging actions).",
        },
    ]
}
