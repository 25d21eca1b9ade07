//! How the handlers run: as AWS Lambda functions, or all together locally.

pub mod lambda;
pub mod layers;
pub mod local;
pub mod socket_lambda;
pub mod telemetry;
pub mod ws;
