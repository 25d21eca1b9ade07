//! What a client may do over a live socket, whatever carries it: the local
//! `GET /ws` (`runtime::ws`) or the API Gateway WebSocket in the cloud
//! (`runtime::socket_lambda`). Both read the handshake token ([`token`]),
//! parse frames and answer in the same words ([`frames`]) and check
//! subscriptions by the same rule ([`subscribe`]); keeping subscriptions is
//! the transport's business. Everything else a frame asks for (send a
//! message, typing, delivery and read receipts) is [`actions`].

pub mod actions;
pub mod frames;
pub mod subscribe;
pub mod token;
