//! Outbound email: rendering templates and handing mail to SMTP or SES.

pub mod render;
pub mod ses;
pub mod smtp;

pub use render::{Branding, MailRenderer, RenderedMail};
pub use ses::SesTransport;
pub use smtp::{SmtpTls, SmtpTransport};

/// Delivers one rendered mail.
#[async_trait::async_trait]
pub trait MailTransport: Send + Sync {
    async fn send(&self, mail: &RenderedMail) -> anyhow::Result<()>;
    /// Health check: the relay or API answers and accepts us.
    async fn ping(&self) -> anyhow::Result<()>;
}
