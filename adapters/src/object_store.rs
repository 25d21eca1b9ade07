//! Amazon S3 object storage.

use anyhow::Context;
use aws_sdk_s3::primitives::ByteStream;

#[derive(Clone, Debug)]
pub struct S3Store {
    pub client: aws_sdk_s3::Client,
    pub bucket: String,
}

impl S3Store {
    pub fn new(client: aws_sdk_s3::Client, bucket: impl Into<String>) -> Self {
        Self {
            client,
            bucket: bucket.into(),
        }
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
