//! Authentication endpoints (spec 000 Auth contract).

pub mod activate;
pub mod login;
pub mod logout;
pub mod password_reset;
pub mod refresh;
pub mod register;
pub mod sso;
pub mod tokens;
pub mod two_factor;
