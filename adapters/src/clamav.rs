//! Virus scanning through clamd's TCP protocol (zPING, zINSTREAM).

use anyhow::{Context, anyhow, bail};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Bytes sent per INSTREAM chunk (must stay below clamd's StreamMaxLength).
const CHUNK: usize = 64 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScanVerdict {
    Clean,
    /// The signature name clamd reported, e.g. `Eicar-Signature`.
    Infected(String),
}

#[derive(Clone, Debug)]
pub struct Clamd {
    /// `host:port`
    pub addr: String,
    /// Limit for a whole ping or scan exchange.
    pub timeout: Duration,
}

impl Clamd {
    pub fn new(addr: impl Into<String>, timeout: Duration) -> Self {
        Self {
            addr: addr.into(),
            timeout,
        }
    }

    async fn connect(&self) -> anyhow::Result<TcpStream> {
        TcpStream::connect(&self.addr)
            .await
            .with_context(|| format!("clamd connect {}", self.addr))
    }

    async fn read_reply(stream: &mut TcpStream) -> anyhow::Result<String> {
        // z-commands are answered with one NUL-terminated line, then clamd closes.
        let mut buf = Vec::with_capacity(128);
        let mut byte = [0u8; 256];
        loop {
            let n = stream.read(&mut byte).await.context("clamd read reply")?;
            if n == 0 {
                break;
            }
            buf.extend_from_slice(&byte[..n]);
            if buf.contains(&0) || buf.len() > 64 * 1024 {
                break;
            }
        }
        let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
        Ok(String::from_utf8_lossy(&buf[..end]).trim().to_owned())
    }

    /// Health check: `zPING` must be answered with `PONG`.
    pub async fn ping(&self) -> anyhow::Result<()> {
        let fut = async {
            let mut s = self.connect().await?;
            s.write_all(b"zPING\0").await.context("clamd write PING")?;
            let reply = Self::read_reply(&mut s).await?;
            if reply == "PONG" {
                Ok(())
            } else {
                Err(anyhow!("clamd PING answered {reply:?}"))
            }
        };
        tokio::time::timeout(self.timeout, fut)
            .await
            .map_err(|_| anyhow!("clamd PING timed out after {:?}", self.timeout))?
    }

    /// Stream `reader` to clamd with `zINSTREAM` and return its verdict.
    /// Errors (unreachable, timeout, `... ERROR` such as a size limit) are `Err`:
    /// callers must never treat a failed scan as clean.
    pub async fn scan<R: AsyncRead + Unpin + Send>(&self, mut reader: R) -> anyhow::Result<ScanVerdict> {
        let fut = async {
            let mut s = self.connect().await?;
            s.write_all(b"zINSTREAM\0").await.context("clamd write INSTREAM")?;
            let mut buf = vec![0u8; CHUNK];
            loop {
                let n = reader.read(&mut buf).await.context("reading the data to scan")?;
                if n == 0 {
                    break;
                }
                let len = u32::try_from(n).expect("chunk fits u32").to_be_bytes();
                // clamd may stop reading and answer early (size limit): a write
                // error then is not the real story, the reply is.
                if s.write_all(&len).await.is_err() || s.write_all(&buf[..n]).await.is_err() {
                    let reply = Self::read_reply(&mut s).await.unwrap_or_default();
                    if reply.is_empty() {
                        bail!("clamd closed the connection during INSTREAM");
                    }
                    return parse_reply(&reply);
                }
            }
            s.write_all(&[0, 0, 0, 0])
                .await
                .context("clamd write INSTREAM terminator")?;
            s.flush().await.ok();
            let reply = Self::read_reply(&mut s).await?;
            parse_reply(&reply)
        };
        tokio::time::timeout(self.timeout, fut)
            .await
            .map_err(|_| anyhow!("clamd scan timed out after {:?}", self.timeout))?
    }
}

/// `stream: OK`, `stream: <Signature> FOUND`, or `<message> ERROR`.
fn parse_reply(reply: &str) -> anyhow::Result<ScanVerdict> {
    let body = reply.strip_prefix("stream:").map(str::trim).unwrap_or(reply);
    if body == "OK" {
        Ok(ScanVerdict::Clean)
    } else if let Some(sig) = body.strip_suffix("FOUND") {
        Ok(ScanVerdict::Infected(sig.trim().to_owned()))
    } else if body.ends_with("ERROR") {
        bail!("clamd error: {body}")
    } else {
        bail!("unexpected clamd reply: {reply:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_replies() {
        assert_eq!(parse_reply("stream: OK").unwrap(), ScanVerdict::Clean);
        assert_eq!(
            parse_reply("stream: Eicar-Signature FOUND").unwrap(),
            ScanVerdict::Infected("Eicar-Signature".into())
        );
        assert!(parse_reply("INSTREAM size limit exceeded. ERROR").is_err());
        assert!(parse_reply("").is_err());
        assert!(parse_reply("stream: something odd").is_err());
    }
}

/// The upload scanner: streams an S3 object into clamd while hashing,
/// counting and keeping the bytes (up to the file's limit) for the type
/// check and text extraction.
#[derive(Clone, Debug)]
pub struct ObjectScanner {
    pub store: crate::object_store::S3Store,
    pub clamd: Clamd,
}

/// Reads through to `inner`, feeding SHA-256, a byte count and a buffer
/// capped at `keep` bytes.
struct Tee<R> {
    inner: R,
    hasher: sha2::Sha256,
    size: u64,
    keep: usize,
    kept: Vec<u8>,
}

impl<R: AsyncRead + Unpin> AsyncRead for Tee<R> {
    fn poll_read(mut self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>, buf: &mut tokio::io::ReadBuf<'_>) -> std::task::Poll<std::io::Result<()>> {
        use sha2::Digest;
        let before = buf.filled().len();
        let this = &mut *self;
        let poll = std::pin::Pin::new(&mut this.inner).poll_read(cx, buf);
        if let std::task::Poll::Ready(Ok(())) = &poll {
            let new = &buf.filled()[before..];
            this.hasher.update(new);
            this.size += new.len() as u64;
            let room = this.keep.saturating_sub(this.kept.len());
            this.kept.extend_from_slice(&new[..new.len().min(room)]);
        }
        poll
    }
}

#[async_trait::async_trait]
impl hireops_domain::ports::FileScanner for ObjectScanner {
    async fn inspect(&self, key: &str, max_size: u64) -> hireops_domain::ports::PortResult<Option<hireops_domain::ports::Inspection>> {
        use hireops_domain::ports::{Inspection, VirusVerdict};
        use sha2::Digest;
        let infra = |e: anyhow::Error| hireops_domain::DomainError::Infrastructure(format!("{e:#}"));
        let Some(body) = self.store.open(key).await.map_err(infra)? else { return Ok(None) };
        // One byte past the limit is enough to know it is too large.
        let limit = max_size.saturating_add(1);
        let mut tee = Tee {
            inner: body.into_async_read().take(limit),
            hasher: sha2::Sha256::new(),
            size: 0,
            keep: usize::try_from(max_size).unwrap_or(usize::MAX),
            kept: Vec::new(),
        };
        let verdict = self.clamd.scan(&mut tee).await.map_err(infra)?;
        // clamd may answer before the end (it stops at a match): read the rest
        // so size and hash cover the whole (capped) object.
        tokio::io::copy(&mut tee, &mut tokio::io::sink()).await.map_err(|e| infra(anyhow::Error::new(e).context("reading the object")))?;
        let sniffed_type = crate::extract::sniff(&tee.kept);
        let content = (tee.size <= max_size).then_some(tee.kept);
        Ok(Some(Inspection {
            size: tee.size,
            sha256: hex::encode(tee.hasher.finalize()),
            verdict: match verdict {
                ScanVerdict::Clean => VirusVerdict::Clean,
                ScanVerdict::Infected(sig) => VirusVerdict::Infected(sig),
            },
            sniffed_type,
            content,
        }))
    }
}
