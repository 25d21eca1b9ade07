//! SMTP delivery with lettre (async, pooled).

use super::{MailTransport, RenderedMail};
use anyhow::{Context, anyhow};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

/// How the connection to the relay is secured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain text (local development only, e.g. MailDev).
    None,
    /// Connect in plain text, then upgrade with STARTTLS (required).
    StartTls,
    /// Implicit TLS from the first byte (SMTPS, usually port 465).
    Tls,
}

impl std::str::FromStr for SmtpTls {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> anyhow::Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "none" | "off" | "plain" | "false" => Ok(SmtpTls::None),
            "starttls" => Ok(SmtpTls::StartTls),
            "tls" | "smtps" | "implicit" => Ok(SmtpTls::Tls),
            other => Err(anyhow!("unknown SMTP TLS mode {other:?} (none, starttls, tls)")),
        }
    }
}

#[derive(Clone)]
pub struct SmtpTransport {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for SmtpTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpTransport")
            .field("from", &self.from.to_string())
            .finish_non_exhaustive()
    }
}

impl SmtpTransport {
    /// `from` is an address or `Name <address>`.
    pub fn new(
        host: &str,
        port: u16,
        username: Option<String>,
        password: Option<String>,
        tls: SmtpTls,
        from: String,
    ) -> anyhow::Result<Self> {
        let from: Mailbox = from
            .parse()
            .with_context(|| format!("invalid SMTP from address {from:?}"))?;
        let mut builder = match tls {
            SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
            SmtpTls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)
                .with_context(|| format!("SMTP STARTTLS setup for {host}"))?,
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)
                .with_context(|| format!("SMTP TLS setup for {host}"))?,
        }
        .port(port)
        .timeout(Some(Duration::from_secs(15)));
        match (username, password) {
            (Some(u), Some(p)) if !u.is_empty() => builder = builder.credentials(Credentials::new(u, p)),
            (Some(u), None) if !u.is_empty() => return Err(anyhow!("SMTP username {u:?} given without a password")),
            _ => {}
        }
        Ok(Self {
            transport: builder.build(),
            from,
        })
    }

    fn message(&self, mail: &RenderedMail) -> anyhow::Result<Message> {
        let address = mail
            .to
            .parse()
            .with_context(|| format!("invalid recipient address {:?}", mail.to))?;
        let to = Mailbox::new(mail.to_name.clone().filter(|n| !n.trim().is_empty()), address);
        // The tenant's sender name, on our own address.
        let from = match &mail.from_name {
            Some(name) => Mailbox::new(Some(name.clone()), self.from.email.clone()),
            None => self.from.clone(),
        };
        Message::builder()
            .from(from)
            .to(to)
            .subject(mail.subject.clone())
            .multipart(MultiPart::alternative_plain_html(mail.text.clone(), mail.html.clone()))
            .context("building the SMTP message")
    }
}

#[async_trait::async_trait]
impl MailTransport for SmtpTransport {
    async fn send(&self, mail: &RenderedMail) -> anyhow::Result<()> {
        let message = self.message(mail)?;
        let response = self.transport.send(message).await.context("SMTP send")?;
        tracing::debug!(code = %response.code(), "SMTP relay accepted the mail");
        Ok(())
    }

    async fn ping(&self) -> anyhow::Result<()> {
        let ok = self.transport.test_connection().await.context("SMTP connection test")?;
        anyhow::ensure!(ok, "SMTP relay did not answer NOOP");
        Ok(())
    }
}
