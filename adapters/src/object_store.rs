//! Amazon S3 object storage.

use anyhow::{anyhow, Context};
use async_trait::async_trait;
use aws_sdk_s3::config::ProvideCredentials;
use aws_sdk_s3::presigning::PresigningConfig;
use aws_sdk_s3::primitives::ByteStream;
use base64::Engine;
use chrono::{DateTime, Utc};
use hireops_domain::ports::{FileStorage, PortResult, PresignedPost};
use hireops_domain::DomainError;
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct S3Store {
    pub client: aws_sdk_s3::Client,
    pub bucket: String,
    /// A custom endpoint (moto, LocalStack): upload forms then use path-style
    /// `{endpoint}/{bucket}` instead of the regional virtual-host URL.
    pub endpoint: Option<String>,
    /// Signs upload forms (the S3 client does not expose its own).
    pub credentials: Option<aws_sdk_s3::config::SharedCredentialsProvider>,
}

impl S3Store {
    pub fn new(client: aws_sdk_s3::Client, bucket: impl Into<String>) -> Self {
        Self {
            client,
            bucket: bucket.into(),
            endpoint: None,
            credentials: None,
        }
    }

    /// Upload forms are signed with the SDK configuration's credentials and,
    /// with a custom `endpoint`, point at it (path-style) instead of AWS.
    pub fn for_uploads(mut self, sdk: &aws_config::SdkConfig, endpoint: Option<String>) -> Self {
        self.endpoint = endpoint.map(|e| e.trim_end_matches('/').to_string()).filter(|e| !e.is_empty());
        self.credentials = sdk.credentials_provider();
        self
    }

    pub fn bucket(&self) -> &str {
        &self.bucket
    }

    pub fn client(&self) -> &aws_sdk_s3::Client {
        &self.client
    }

    /// Health check: the bucket exists and we may access it.
    pub async fn ping(&self) -> anyhow::Result<()> {
        self.client
            .head_bucket()
            .bucket(&self.bucket)
            .send()
            .await
            .with_context(|| format!("S3 HeadBucket {}", self.bucket))?;
        Ok(())
    }

    pub async fn put_bytes(&self, key: &str, bytes: Vec<u8>, content_type: Option<&str>) -> anyhow::Result<()> {
        self.client
            .put_object()
            .bucket(&self.bucket)
            .key(key)
            .set_content_type(content_type.map(str::to_owned))
            .body(ByteStream::from(bytes))
            .send()
            .await
            .with_context(|| format!("S3 PutObject s3://{}/{key}", self.bucket))?;
        Ok(())
    }

    /// The object's bytes, or `None` when there is no such key.
    pub async fn get_bytes(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>> {
        let out = match self.client.get_object().bucket(&self.bucket).key(key).send().await {
            Ok(out) => out,
            Err(e) => {
                if e.as_service_error().is_some_and(|se| se.is_no_such_key()) {
                    return Ok(None);
                }
                return Err(anyhow::Error::new(e).context(format!("S3 GetObject s3://{}/{key}", self.bucket)));
            }
        };
        let data = out
            .body
            .collect()
            .await
            .with_context(|| format!("S3 GetObject s3://{}/{key}: reading body", self.bucket))?;
        Ok(Some(data.into_bytes().to_vec()))
    }

    pub async fn delete(&self, key: &str) -> anyhow::Result<()> {
        self.client
            .delete_object()
            .bucket(&self.bucket)
            .key(key)
            .send()
            .await
            .with_context(|| format!("S3 DeleteObject s3://{}/{key}", self.bucket))?;
        Ok(())
    }
}

impl S3Store {
    /// Does `key` exist (HeadObject)?
    pub async fn exists(&self, key: &str) -> anyhow::Result<bool> {
        match self.client.head_object().bucket(&self.bucket).key(key).send().await {
            Ok(_) => Ok(true),
            Err(e) if e.as_service_error().is_some_and(|se| se.is_not_found()) => Ok(false),
            Err(e) => Err(anyhow::Error::new(e).context(format!("S3 HeadObject s3://{}/{key}", self.bucket))),
        }
    }

    /// The object's body as a stream, or `None` when there is no such key.
    pub async fn open(&self, key: &str) -> anyhow::Result<Option<ByteStream>> {
        match self.client.get_object().bucket(&self.bucket).key(key).send().await {
            Ok(out) => Ok(Some(out.body)),
            Err(e) if e.as_service_error().is_some_and(|se| se.is_no_such_key()) => Ok(None),
            Err(e) => Err(anyhow::Error::new(e).context(format!("S3 GetObject s3://{}/{key}", self.bucket))),
        }
    }

    pub async fn copy(&self, from: &str, to: &str) -> anyhow::Result<()> {
        self.client
            .copy_object()
            .bucket(&self.bucket)
            .copy_source(format!("{}/{}", self.bucket, encode_key(from)))
            .key(to)
            .send()
            .await
            .with_context(|| format!("S3 CopyObject s3://{}/{from} -> {to}", self.bucket))?;
        Ok(())
    }

    /// A presigned GET answering with `content_disposition`.
    pub async fn presign_get(&self, key: &str, content_disposition: &str, expires_in: Duration) -> anyhow::Result<String> {
        let config = PresigningConfig::expires_in(expires_in).context("presign expiry")?;
        let req = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(key)
            .response_content_disposition(content_disposition)
            .presigned(config)
            .await
            .with_context(|| format!("presigning GET s3://{}/{key}", self.bucket))?;
        Ok(req.uri().to_string())
    }

    /// A browser upload form (S3 POST policy, SigV4) for exactly `key`, of
    /// `content_type`, 1..=`max_size` bytes, valid for `expires_in`.
    pub async fn presign_post(&self, key: &str, content_type: &str, max_size: u64, expires_in: Duration) -> anyhow::Result<PresignedPost> {
        let conf = self.client.config();
        let provider = self.credentials.as_ref().ok_or_else(|| anyhow!("no AWS credentials provider configured"))?;
        let creds = provider.provide_credentials().await.context("loading AWS credentials")?;
        let region = conf.region().map(|r| r.to_string()).unwrap_or_else(|| "us-east-1".into());
        let url = match &self.endpoint {
            Some(endpoint) => format!("{endpoint}/{}", self.bucket),
            None => format!("https://{}.s3.{region}.amazonaws.com", self.bucket),
        };
        let form = PostPolicy {
            bucket: &self.bucket,
            key,
            content_type,
            max_size,
            access_key: creds.access_key_id(),
            secret_key: creds.secret_access_key(),
            session_token: creds.session_token(),
            region: &region,
            now: Utc::now(),
            expires_in,
        }
        .sign();
        Ok(PresignedPost { url, fields: form })
    }
}

/// Percent-encode a key for `x-amz-copy-source` (slashes kept).
fn encode_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for b in key.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// An S3 POST policy and its SigV4 signature.
struct PostPolicy<'a> {
    bucket: &'a str,
    key: &'a str,
    content_type: &'a str,
    max_size: u64,
    access_key: &'a str,
    secret_key: &'a str,
    session_token: Option<&'a str>,
    region: &'a str,
    now: DateTime<Utc>,
    expires_in: Duration,
}

impl PostPolicy<'_> {
    /// The form fields, `policy` and `x-amz-signature` included.
    fn sign(&self) -> Vec<(String, String)> {
        let date = self.now.format("%Y%m%d").to_string();
        let amz_date = self.now.format("%Y%m%dT%H%M%SZ").to_string();
        let credential = format!("{}/{date}/{}/s3/aws4_request", self.access_key, self.region);
        let expiration = (self.now + chrono::Duration::from_std(self.expires_in).unwrap_or_default()).format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
        let mut conditions = vec![
            serde_json::json!({ "bucket": self.bucket }),
            serde_json::json!(["eq", "$key", self.key]),
            serde_json::json!(["eq", "$Content-Type", self.content_type]),
            serde_json::json!(["content-length-range", 1, self.max_size]),
            serde_json::json!({ "x-amz-algorithm": "AWS4-HMAC-SHA256" }),
            serde_json::json!({ "x-amz-credential": credential }),
            serde_json::json!({ "x-amz-date": amz_date }),
        ];
        let mut fields = vec![
            ("key".to_string(), self.key.to_string()),
            ("Content-Type".to_string(), self.content_type.to_string()),
            ("x-amz-algorithm".to_string(), "AWS4-HMAC-SHA256".to_string()),
            ("x-amz-credential".to_string(), credential),
            ("x-amz-date".to_string(), amz_date),
        ];
        if let Some(token) = self.session_token {
            conditions.push(serde_json::json!({ "x-amz-security-token": token }));
            fields.push(("x-amz-security-token".to_string(), token.to_string()));
        }
        let policy = serde_json::json!({ "expiration": expiration, "conditions": conditions });
        let policy_b64 = base64::engine::general_purpose::STANDARD.encode(policy.to_string());
        let signature = sign_policy(self.secret_key, self.now, self.region, &policy_b64);
        fields.push(("policy".to_string(), policy_b64));
        fields.push(("x-amz-signature".to_string(), signature));
        fields
    }
}

/// The POST policy signature (ARCHITECTURE §9): the base64 policy is the
/// string to sign, with the S3 SigV4 signing key of the request's day.
fn sign_policy(secret_key: &str, at: DateTime<Utc>, region: &str, policy_b64: &str) -> String {
    let key = aws_sigv4::sign::v4::generate_signing_key(secret_key, at.into(), region, "s3");
    aws_sigv4::sign::v4::calculate_signature(key, policy_b64.as_bytes())
}

fn infra(e: anyhow::Error) -> DomainError {
    DomainError::Infrastructure(format!("{e:#}"))
}

#[async_trait]
impl FileStorage for S3Store {
    async fn presign_upload(&self, key: &str, content_type: &str, max_size: u64, expires_in: Duration) -> PortResult<PresignedPost> {
        self.presign_post(key, content_type, max_size, expires_in).await.map_err(infra)
    }

    async fn exists(&self, key: &str) -> PortResult<bool> {
        S3Store::exists(self, key).await.map_err(infra)
    }

    async fn presign_download(&self, key: &str, content_disposition: &str, expires_in: Duration) -> PortResult<String> {
        self.presign_get(key, content_disposition, expires_in).await.map_err(infra)
    }

    async fn copy(&self, from: &str, to: &str) -> PortResult<()> {
        S3Store::copy(self, from, to).await.map_err(infra)
    }

    async fn delete(&self, key: &str) -> PortResult<()> {
        S3Store::delete(self, key).await.map_err(infra)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_matches_the_aws_post_policy_example() {
        // "Example: Browser-based upload using HTTP POST (using AWS Signature
        // Version 4)" in the Amazon S3 API Reference: its policy, credentials and day.
        let policy = "eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFjbCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9";
        let day = DateTime::parse_from_rfc3339("2015-12-29T00:00:00Z").unwrap().with_timezone(&Utc);
        let signature = sign_policy("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", day, "us-east-1", policy);
        assert_eq!(signature, "8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e");
    }

    #[test]
    fn policy_restricts_key_type_and_size() {
        let now = DateTime::parse_from_rfc3339("2026-01-02T03:04:05Z").unwrap().with_timezone(&Utc);
        let fields = PostPolicy {
            bucket: "b",
            key: "uploads/c/f/cv.pdf",
            content_type: "application/pdf",
            max_size: 10,
            access_key: "AKID",
            secret_key: "secret",
            session_token: Some("tok"),
            region: "eu-west-1",
            now,
            expires_in: Duration::from_secs(900),
        }
        .sign();
        let get = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap();
        assert_eq!(get("x-amz-credential"), "AKID/20260102/eu-west-1/s3/aws4_request");
        assert_eq!(get("x-amz-date"), "20260102T030405Z");
        assert_eq!(get("x-amz-security-token"), "tok");
        let policy: serde_json::Value = serde_json::from_slice(&base64::engine::general_purpose::STANDARD.decode(get("policy")).unwrap()).unwrap();
        assert_eq!(policy["expiration"], "2026-01-02T03:19:05.000Z");
        let conditions = policy["conditions"].as_array().unwrap();
        assert!(conditions.contains(&serde_json::json!(["eq", "$key", "uploads/c/f/cv.pdf"])));
        assert!(conditions.contains(&serde_json::json!(["eq", "$Content-Type", "application/pdf"])));
        assert!(conditions.contains(&serde_json::json!(["content-length-range", 1, 10])));
        assert!(conditions.contains(&serde_json::json!({"x-amz-security-token": "tok"})));
        assert_eq!(get("x-amz-signature"), sign_policy("secret", now, "eu-west-1", &get("policy")));
        assert_eq!(get("x-amz-signature").len(), 64);
    }

    #[test]
    fn copy_sources_are_encoded() {
        assert_eq!(encode_key("uploads/a b/é.pdf"), "uploads/a%20b/%C3%A9.pdf");
    }
}
