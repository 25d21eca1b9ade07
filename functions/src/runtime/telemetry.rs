use tracing_subscriber::{fmt, EnvFilter};

/// JSON logs in Lambda (CloudWatch parses them), readable lines locally.
pub fn init(json: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,aws_config=warn,aws_smithy_runtime=warn"));
    let builder = fmt().with_env_filter(filter).with_target(false);
    let _ = if json { builder.json().without_time().try_init() } else { builder.try_init() };
}
