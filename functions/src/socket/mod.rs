//! What a client may do over a live socket, whatever carries it: the local
//! `GET /ws` (`runtime::ws`) or the API Gateway WebSocket in the cloud.
//! Subscriptions are the transport's business; everything else a frame asks
//! for (send a message, typing, delivery and read receipts) is [`actions`].

pub mod actions;
