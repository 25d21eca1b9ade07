//! Amazon SES (v2 API) delivery with simple text + HTML content.

use super::{MailTransport, RenderedMail};
use anyhow::{Context, anyhow};
use aws_sdk_sesv2::types::{Body, Content, Destination, EmailContent, Message};
use base64::Engine;

#[derive(Clone, Debug)]
pub struct SesTransport {
    client: aws_sdk_sesv2::Client,
    /// An address or `Name <address>` on a verified identity.
    from: String,
}

impl SesTransport {
    pub fn new(client: aws_sdk_sesv2::Client, from: String) -> Self {
        Self { client, from }
    }

    /// The bare address inside `from`.
    fn sender_address(&self) -> &str {
        bare_address(&self.from)
    }
}

fn bare_address(s: &str) -> &str {
    match (s.rfind('<'), s.rfind('>')) {
        (Some(a), Some(b)) if a < b => s[a + 1..b].trim(),
        _ => s.trim(),
    }
}

/// `Name <address>`, with the name quoted (ASCII) or RFC 2047 encoded (non-ASCII).
fn mailbox(address: &str, name: Option<&str>) -> String {
    let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
        return address.to_owned();
    };
    let name: String = name.chars().filter(|c| !c.is_control()).collect();
    if name.is_ascii() {
        let quoted = name.replace('\\', "\\\\").replace('"', "\\\"");
        format!("\"{quoted}\" <{address}>")
    } else {
        let b64 = base64::engine::general_purpose::STANDARD.encode(name.as_bytes());
        format!("=?UTF-8?B?{b64}?= <{address}>")
    }
}

fn utf8(data: &str) -> anyhow::Result<Content> {
    Content::builder()
        .data(data)
        .charset("UTF-8")
        .build()
        .map_err(|e| anyhow!("SES content: {e}"))
}

#[async_trait::async_trait]
impl MailTransport for SesTransport {
    async fn send(&self, mail: &RenderedMail) -> anyhow::Result<()> {
        let message = Message::builder()
            .subject(utf8(&mail.subject)?)
            .body(Body::builder().text(utf8(&mail.text)?).html(utf8(&mail.html)?).build())
            .build();
        let out = self
            .client
            .send_email()
            .from_email_address(match &mail.from_name {
                Some(name) => mailbox(self.sender_address(), Some(name)),
                None => self.from.clone(),
            })
            .destination(
                Destination::builder()
                    .to_addresses(mailbox(&mail.to, mail.to_name.as_deref()))
                    .build(),
            )
            .content(EmailContent::builder().simple(message).build())
            .send()
            .await
            .context("SES SendEmail")?;
        tracing::debug!(
            message_id = out.message_id().unwrap_or_default(),
            "SES accepted the mail"
        );
        Ok(())
    }

    /// The sending identity exists: the from address itself or its domain.
    /// (GetAccount would be nicer but emulators such as moto lack it.)
    async fn ping(&self) -> anyhow::Result<()> {
        let address = self.sender_address();
        let first = self.client.get_email_identity().email_identity(address).send().await;
        match first {
            Ok(_) => Ok(()),
            Err(e) => {
                let domain = address.rsplit_once('@').map(|(_, d)| d).unwrap_or_default();
                if domain.is_empty() {
                    return Err(anyhow::Error::new(e).context(format!("SES GetEmailIdentity {address}")));
                }
                self.client
                    .get_email_identity()
                    .email_identity(domain)
                    .send()
                    .await
                    .with_context(|| format!("SES GetEmailIdentity {address} / {domain}"))?;
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailboxes() {
        assert_eq!(mailbox("a@x.io", None), "a@x.io");
        assert_eq!(mailbox("a@x.io", Some("  ")), "a@x.io");
        assert_eq!(
            mailbox("a@x.io", Some("Ann \"A\" Lee")),
            "\"Ann \\\"A\\\" Lee\" <a@x.io>"
        );
        assert_eq!(mailbox("a@x.io", Some("Zoë")), "=?UTF-8?B?Wm/Dqw==?= <a@x.io>");
        assert_eq!(
            bare_address("HireOps <no-reply@hireops.local>"),
            "no-reply@hireops.local"
        );
        assert_eq!(bare_address("no-reply@hireops.local"), "no-reply@hireops.local");
    }
}
