//! Shared AWS SDK configuration.
//!
//! Credentials come from the default provider chain (environment, profile,
//! web identity, container/instance metadata). A custom endpoint (moto,
//! LocalStack) applies to every service client built from the config.

use aws_config::{BehaviorVersion, Region, SdkConfig};

/// Load the SDK configuration for `region`, optionally pointing every
/// service at `endpoint_url` (local emulators).
pub async fn sdk_config(endpoint_url: Option<&str>, region: &str) -> SdkConfig {
    let mut loader = aws_config::defaults(BehaviorVersion::latest()).region(Region::new(region.to_owned()));
    if let Some(url) = endpoint_url.map(str::trim).filter(|u| !u.is_empty()) {
        loader = loader.endpoint_url(url);
    }
    loader.load().await
}

/// An S3 client; emulators usually need path-style addressing
/// (`http://host/bucket/key` instead of `http://bucket.host/key`).
pub fn s3_client(conf: &SdkConfig, force_path_style: bool) -> aws_sdk_s3::Client {
    let s3_conf = aws_sdk_s3::config::Builder::from(conf)
        .force_path_style(force_path_style)
        .build();
    aws_sdk_s3::Client::from_conf(s3_conf)
}
