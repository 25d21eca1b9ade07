//! Cryptography behind the security ports: argon2id, Ed25519 JWTs, HMAC digests.

mod jwt;
mod password;
mod secrets;

pub use jwt::{JwtCodec, JwtKeys};
pub use password::Argon2Hasher;
pub use secrets::HmacSecrets;
