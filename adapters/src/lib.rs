//! HireOps adapters: the domain's ports implemented on real technology.
//! One module per technology; each is tested against the real service.

pub mod mysql;
pub mod security;
pub mod aws;
pub mod queue;
pub mod object_store;
pub mod mail;
pub mod clamav;
pub mod redis;
pub mod redis_pubsub;
pub mod apigw_push;
pub mod oidc;
pub mod extract;
