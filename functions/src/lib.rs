//! HireOps functions: the composition root. HTTP handlers and queue consumers,
//! the route table they are declared in, the WebSocket's socket routes, and
//! the runtimes that serve them (one AWS Lambda each, or everything in the
//! `local` bin).

pub mod config;
pub mod demo;
pub mod generate;
pub mod handlers;
pub mod http;
pub mod openapi;
pub mod routes;
pub mod runtime;
pub mod socket;
pub mod sockets;
pub mod state;
pub mod tasks;
