//! Turns an [`OutgoingMail`] into subject, plain text and HTML with minijinja.
//!
//! Every [`MailMessage`] variant has three templates under `templates/mail/`:
//! `<name>.subject.txt`, `<name>.txt` and `<name>.html` (autoescaped). The
//! message's fields are the context, plus `product_name` and `recipient_name`.
//!
//! Those shipped files are the defaults; an admin's override (see
//! `hireops_domain::settings`) replaces the three message templates of one
//! mail, still extending the shipped `layout.*` and importing `macros.html`.
//! Overrides render in the same sandbox: strict undefined, HTML autoescaping
//! by the `.html` name, no loader (no file access).

use anyhow::{Context, anyhow};
use hireops_domain::error::FieldError;
use hireops_domain::mail::{MailMessage, OutgoingMail};
use hireops_domain::ports::TemplateEngine;
use hireops_domain::settings::TemplateSource;
use minijinja::{Environment, UndefinedBehavior};
use serde_json::Value;

/// A mail ready for a transport.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedMail {
    pub to: String,
    pub to_name: Option<String>,
    /// The tenant's sender name for the From header (the address stays ours).
    pub from_name: Option<String>,
    pub subject: String,
    pub text: String,
    pub html: String,
}

macro_rules! embedded {
    ($($file:literal),* $(,)?) => {
        &[$(($file, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/mail/", $file)))),*]
    };
}

/// Every embedded template file: (name, source).
const TEMPLATES: &[(&str, &str)] = embedded![
    "layout.html",
    "layout.txt",
    "macros.html",
    "two_factor_code.subject.txt",
    "two_factor_code.txt",
    "two_factor_code.html",
    "verify_email.subject.txt",
    "verify_email.txt",
    "verify_email.html",
    "account_already_exists.subject.txt",
    "account_already_exists.txt",
    "account_already_exists.html",
    "activate_account.subject.txt",
    "activate_account.txt",
    "activate_account.html",
    "password_reset_requested.subject.txt",
    "password_reset_requested.txt",
    "password_reset_requested.html",
    "password_reset_link.subject.txt",
    "password_reset_link.txt",
    "password_reset_link.html",
    "password_changed.subject.txt",
    "password_changed.txt",
    "password_changed.html",
    "account_locked.subject.txt",
    "account_locked.txt",
    "account_locked.html",
    "notification.subject.txt",
    "notification.txt",
    "notification.html",
];

const TEMPLATE_NAMES: &[&str] = &[
    "two_factor_code",
    "verify_email",
    "account_already_exists",
    "activate_account",
    "password_reset_requested",
    "password_reset_link",
    "password_changed",
    "account_locked",
    "notification",
];

/// `5|units("minute")` → `5 minutes`, `1|units("hour")` → `1 hour`.
fn units(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// Renders the mail templates; build once and share.
#[derive(Debug)]
pub struct MailRenderer {
    env: Environment<'static>,
    product_name: String,
}

impl MailRenderer {
    /// The names of the message templates (one per `MailMessage` variant).
    pub fn template_names() -> &'static [&'static str] {
        TEMPLATE_NAMES
    }

    pub fn new(product_name: &str) -> anyhow::Result<Self> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.add_filter("units", units);
        for (name, source) in TEMPLATES {
            env.add_template(name, source)
                .with_context(|| format!("mail template {name}"))?;
        }
        // Fail at start-up, not at send time, if a template is missing.
        for name in TEMPLATE_NAMES {
            for suffix in ["subject.txt", "txt", "html"] {
                env.get_template(&format!("{name}.{suffix}"))
                    .with_context(|| format!("mail template {name}.{suffix}"))?;
            }
        }
        Ok(Self {
            env,
            product_name: product_name.trim().to_owned(),
        })
    }

    /// Render with the shipped templates.
    pub fn render(&self, mail: &OutgoingMail) -> anyhow::Result<RenderedMail> {
        self.render_with(mail, None)
    }

    /// Render with `custom` (the override in force for the recipient's
    /// company) instead of the shipped message templates, when given.
    pub fn render_with(&self, mail: &OutgoingMail, custom: Option<&TemplateSource>) -> anyhow::Result<RenderedMail> {
        self.render_branded(mail, custom, &Branding::default())
    }

    /// Render with the recipient tenant's branding: its name, accent colour,
    /// footer and sender name.
    pub fn render_branded(&self, mail: &OutgoingMail, custom: Option<&TemplateSource>, branding: &Branding) -> anyhow::Result<RenderedMail> {
        let name = mail.message.template_name();
        let to_name = mail.to_name.as_deref().map(clean_header).filter(|n| !n.is_empty());
        let ctx = self.context(&mail.message, to_name.as_deref(), branding)?;
        let parts = match custom {
            None => self.render_parts(&self.env, name, &ctx),
            Some(source) => self.with_override(name, source).and_then(|env| self.render_parts(&env, name, &ctx)),
        };
        let (subject, text, html) = parts.map_err(|errors| {
            let all: Vec<String> = errors.into_iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
            anyhow!("rendering mail template {name}: {}", all.join("; "))
        })?;
        Ok(RenderedMail {
            to: mail.to.as_str().to_owned(),
            to_name,
            from_name: branding.sender_name.as_deref().map(clean_header).filter(|n| !n.is_empty()),
            subject,
            text,
            html,
        })
    }

    fn context(&self, message: &MailMessage, to_name: Option<&str>, branding: &Branding) -> anyhow::Result<Value> {
        let name = message.template_name();
        let mut ctx = match serde_json::to_value(message).context("serializing the mail message")? {
            Value::Object(map) => map,
            other => return Err(anyhow!("mail message {name} serialized to {other}, not an object")),
        };
        ctx.remove("template");
        ctx.insert("product_name".into(), Value::String(self.product_name.clone()));
        let opt = |v: &Option<String>| v.as_ref().map_or(Value::Null, |s| Value::String(s.clone()));
        ctx.insert("tenant_name".into(), opt(&branding.company_name));
        ctx.insert("email_footer".into(), opt(&branding.footer));
        ctx.insert("brand_color".into(), Value::String(branding.color.clone()));
        ctx.insert(
            "recipient_name".into(),
            to_name.map_or(Value::Null, |n| Value::String(n.to_owned())),
        );
        Ok(Value::Object(ctx))
    }

    /// The shared environment with one message's three templates replaced;
    /// a part that does not parse is an error on that field.
    fn with_override(&self, name: &str, source: &TemplateSource) -> Result<Environment<'static>, Vec<FieldError>> {
        let mut env = self.env.clone();
        let mut errors = Vec::new();
        for (field, suffix, text) in parts(source) {
            if let Err(e) = env.add_template_owned(format!("{name}.{suffix}"), text.to_owned()) {
                errors.push(FieldError::new(field, "invalid_template", format!("{e:#}")));
            }
        }
        if errors.is_empty() { Ok(env) } else { Err(errors) }
    }

    /// (subject, text, html); every part that fails is reported.
    fn render_parts(&self, env: &Environment<'static>, name: &str, ctx: &Value) -> Result<(String, String, String), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut render = |field: &str, suffix: &str| -> String {
            let file = format!("{name}.{suffix}");
            match env.get_template(&file).and_then(|t| t.render(ctx)) {
                Ok(out) => out,
                Err(e) => {
                    errors.push(FieldError::new(field, "render_failed", format!("{e:#}")));
                    String::new()
                }
            }
        };
        let subject = clean_header(&render("subject", "subject.txt"));
        let text = render("text", "txt").trim().to_owned() + "\n";
        let html = render("html", "html");
        if errors.is_empty() { Ok((subject, text, html)) } else { Err(errors) }
    }
}

fn parts(source: &TemplateSource) -> [(&'static str, &'static str, &str); 3] {
    [("subject", "subject.txt", &source.subject), ("text", "txt", &source.text), ("html", "html", &source.html)]
}

impl TemplateEngine for MailRenderer {
    fn shipped(&self, name: &str) -> Option<TemplateSource> {
        if !TEMPLATE_NAMES.contains(&name) {
            return None;
        }
        let file = |suffix: &str| {
            let wanted = format!("{name}.{suffix}");
            TEMPLATES.iter().find(|(f, _)| *f == wanted).map(|(_, src)| (*src).to_owned())
        };
        Some(TemplateSource { subject: file("subject.txt")?, text: file("txt")?, html: file("html")? })
    }

    fn render(&self, source: &TemplateSource, message: &MailMessage, recipient_name: Option<&str>) -> Result<TemplateSource, Vec<FieldError>> {
        let name = message.template_name();
        let ctx = self.context(message, recipient_name, &Branding::default()).map_err(|e| vec![FieldError::new("template", "render_failed", format!("{e:#}"))])?;
        let env = self.with_override(name, source)?;
        let (subject, text, html) = self.render_parts(&env, name, &ctx)?;
        Ok(TemplateSource { subject, text, html })
    }
}

/// A tenant's look in its emails (from its settings).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Branding {
    /// Shown in the header next to the product name.
    pub company_name: Option<String>,
    pub sender_name: Option<String>,
    /// Plain text added under the message.
    pub footer: Option<String>,
    /// `#rrggbb`, validated by the settings rules.
    pub color: String,
}

impl Default for Branding {
    fn default() -> Self {
        Self { company_name: None, sender_name: None, footer: None, color: "#2563eb".into() }
    }
}

/// One line, collapsed whitespace, no control characters: safe for a header.
fn clean_header(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use hireops_domain::identity::Email;
    use hireops_domain::mail::MailMessage;

    /// The same escaping minijinja applies in HTML templates.
    fn html_escape(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#x27;")
            .replace('/', "&#x2f;")
    }

    fn all_messages() -> Vec<MailMessage> {
        vec![
            MailMessage::TwoFactorCode {
                code: "493027".into(),
                expires_in_minutes: 10,
            },
            MailMessage::VerifyEmail {
                link: "https://app.example.com/verify?t=abc".into(),
                expires_in_hours: 24,
            },
            MailMessage::AccountAlreadyExists {
                sign_in_link: "https://app.example.com/sign-in".into(),
                reset_link: "https://app.example.com/reset".into(),
            },
            MailMessage::ActivateAccount {
                link: "https://app.example.com/activate?t=xyz".into(),
                expires_in_hours: 72,
                company_name: Some("Acme & Sons".into()),
            },
            MailMessage::PasswordResetRequested {
                requester_name: "Jane Doe".into(),
                requester_email: "jane@example.com".into(),
                review_link: "https://app.example.com/admin/resets/1".into(),
            },
            MailMessage::PasswordResetLink {
                link: "https://app.example.com/reset?t=q".into(),
                expires_in_minutes: 1,
            },
            MailMessage::PasswordChanged,
            MailMessage::AccountLocked { minutes: 15 },
            MailMessage::Notification {
                title: "New account created".into(),
                body: "An account was created for Rob (rob@example.com).".into(),
                link: Some("https://app.example.com/admin/users/1".into()),
            },
        ]
    }

    fn mail(message: MailMessage, name: Option<&str>) -> OutgoingMail {
        OutgoingMail::new(
            Email::parse("someone@example.com").unwrap(),
            name.map(str::to_owned),
            message,
        )
    }

    #[test]
    fn template_names_cover_every_variant() {
        let names: Vec<&str> = all_messages().iter().map(|m| m.template_name()).collect();
        assert_eq!(names, MailRenderer::template_names());
    }

    #[test]
    fn every_variant_renders() {
        let r = MailRenderer::new("HireOps").unwrap();
        for m in all_messages() {
            let name = m.template_name();
            let out = r
                .render(&mail(m.clone(), Some("Ada Lovelace")))
                .unwrap_or_else(|e| panic!("{name}: {e:#}"));
            assert_eq!(out.to, "someone@example.com");
            assert_eq!(out.to_name.as_deref(), Some("Ada Lovelace"));
            assert!(
                !out.subject.is_empty() && !out.subject.contains('\n'),
                "{name}: subject {:?}",
                out.subject
            );
            assert!(out.text.starts_with("Hi Ada Lovelace,"), "{name}: {}", out.text);
            assert!(out.text.contains("The HireOps team"), "{name}");
            assert!(out.html.contains("Hi Ada Lovelace,"), "{name}");
            assert!(out.html.trim_start().starts_with("<!DOCTYPE html>"), "{name}");
            assert!(
                !out.text.contains("{{") && !out.html.contains("{{") && !out.html.contains("{%"),
                "{name}"
            );
            // Every string field of the message shows up in both bodies.
            if let Value::Object(fields) = serde_json::to_value(&m).unwrap() {
                for (k, v) in fields {
                    if k == "template" {
                        continue;
                    }
                    let shown = match v {
                        Value::String(s) => s,
                        Value::Number(n) => n.to_string(),
                        _ => continue,
                    };
                    assert!(out.text.contains(&shown), "{name}: text lacks {k}={shown}");
                    let escaped = html_escape(&shown);
                    assert!(out.html.contains(&escaped), "{name}: html lacks {k}={escaped}");
                }
            }
        }
    }

    #[test]
    fn specific_content() {
        let r = MailRenderer::new("HireOps").unwrap();
        let out = r
            .render(&mail(
                MailMessage::TwoFactorCode {
                    code: "493027".into(),
                    expires_in_minutes: 10,
                },
                None,
            ))
            .unwrap();
        assert_eq!(out.subject, "Your HireOps sign-in code");
        assert!(out.text.starts_with("Hello,\n\nUse this code"), "{}", out.text);
        assert!(
            out.text
                .contains("let your administrator know.\n\nKind regards,\nThe HireOps team\n"),
            "{}",
            out.text
        );
        assert!(out.text.contains("493027") && out.text.contains("10 minutes"));
        let out = r
            .render(&mail(
                MailMessage::PasswordResetLink {
                    link: "https://x.example/r".into(),
                    expires_in_minutes: 1,
                },
                None,
            ))
            .unwrap();
        assert!(out.text.contains("1 minute ") && !out.text.contains("1 minutes"));
        let out = r
            .render(&mail(
                MailMessage::ActivateAccount {
                    link: "https://x.example/a".into(),
                    expires_in_hours: 48,
                    company_name: None,
                },
                None,
            ))
            .unwrap();
        assert!(out.text.contains("on HireOps. To activate"), "{}", out.text);
        let out = r
            .render(&mail(MailMessage::AccountLocked { minutes: 15 }, None))
            .unwrap();
        assert!(out.text.contains("15 minutes"));
        let out = r
            .render(&mail(
                MailMessage::PasswordResetRequested {
                    requester_name: "Jane Doe".into(),
                    requester_email: "jane@example.com".into(),
                    review_link: "https://x.example/rv".into(),
                },
                None,
            ))
            .unwrap();
        assert_eq!(out.subject, "Password reset request from Jane Doe");
    }

    #[test]
    fn html_is_escaped_and_text_is_not() {
        let r = MailRenderer::new("HireOps").unwrap();
        let evil = "<script>alert(1)</script>";
        let out = r
            .render(&mail(
                MailMessage::PasswordResetRequested {
                    requester_name: evil.into(),
                    requester_email: "jane@example.com".into(),
                    review_link: "https://x.example/rv?a=1&b=\"2\"".into(),
                },
                Some("<b>Bob</b>"),
            ))
            .unwrap();
        assert!(!out.html.contains("<script>"), "{}", out.html);
        assert!(!out.html.contains("<b>Bob</b>"));
        assert!(
            out.html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
            "{}",
            out.html
        );
        assert!(out.html.contains("&lt;b&gt;Bob&lt;&#x2f;b&gt;"));
        assert!(out.html.contains("a=1&amp;b=&quot;2&quot;"));
        // The plain-text part is not HTML, so nothing is escaped there.
        assert!(out.text.contains(evil));
        assert!(out.subject.contains(evil));
    }

    #[test]
    fn header_values_are_single_line() {
        let r = MailRenderer::new("HireOps").unwrap();
        let out = r
            .render(&mail(
                MailMessage::PasswordResetRequested {
                    requester_name: "Eve\r\nBcc: victim@example.com".into(),
                    requester_email: "eve@example.com".into(),
                    review_link: "https://x.example/rv".into(),
                },
                Some("Eve\nX-Header: 1"),
            ))
            .unwrap();
        assert!(!out.subject.contains('\n') && !out.subject.contains('\r'));
        assert_eq!(out.to_name.as_deref(), Some("Eve X-Header: 1"));
    }

    /// `cargo test -p hireops-adapters --lib preview_all -- --ignored --nocapture`
    #[test]
    #[ignore = "prints every mail for a human to read"]
    fn preview_all() {
        let r = MailRenderer::new("HireOps").unwrap();
        for m in all_messages() {
            let out = r.render(&mail(m, Some("Ada Lovelace"))).unwrap();
            println!("==== {}\n{}\n\n{}", out.subject, out.text, out.html);
        }
    }

    fn two_factor() -> MailMessage {
        MailMessage::TwoFactorCode { code: "493027".into(), expires_in_minutes: 10 }
    }

    #[test]
    fn every_template_is_shipped_and_renders_through_the_engine() {
        let r = MailRenderer::new("HireOps").unwrap();
        for info in hireops_domain::settings::TEMPLATES {
            let source = TemplateEngine::shipped(&r, info.name).unwrap_or_else(|| panic!("{}", info.name));
            let out = TemplateEngine::render(&r, &source, &(info.sample)(), Some("Ada")).unwrap_or_else(|e| panic!("{}: {e:?}", info.name));
            assert!(out.text.starts_with("Hi Ada,"), "{}", info.name);
        }
        assert!(TemplateEngine::shipped(&r, "layout").is_none());
    }

    #[test]
    fn an_override_replaces_the_shipped_template() {
        let r = MailRenderer::new("HireOps").unwrap();
        let custom = TemplateSource {
            subject: "Code {{ code }} for {{ product_name }}".into(),
            text: "{% extends \"layout.txt\" %}{% block content %}Your code: {{ code }}{% endblock %}".into(),
            html: "<p>{{ code }} &amp; {{ recipient_name }}</p>".into(),
        };
        let out = r.render_with(&mail(two_factor(), Some("<Ada>")), Some(&custom)).unwrap();
        assert_eq!(out.subject, "Code 493027 for HireOps");
        assert!(out.text.contains("Your code: 493027") && out.text.starts_with("Hi <Ada>,"), "{}", out.text);
        assert_eq!(out.html, "<p>493027 &amp; &lt;Ada&gt;</p>", "autoescaping stays on");
        // The shared environment is untouched.
        assert_eq!(r.render(&mail(two_factor(), None)).unwrap().subject, "Your HireOps sign-in code");
    }

    #[test]
    fn broken_templates_are_reported_per_field() {
        let r = MailRenderer::new("HireOps").unwrap();
        let custom = TemplateSource {
            subject: "Hello {{ nonexistent }}".into(),
            text: "{% if %}".into(),
            html: "<p>{{ code }}</p>".into(),
        };
        let errors = TemplateEngine::render(&r, &custom, &two_factor(), None).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["text"], "a part that does not parse fails before rendering: {errors:?}");
        let custom = TemplateSource { text: "ok".into(), ..custom };
        let errors = TemplateEngine::render(&r, &custom, &two_factor(), None).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "subject");
        assert!(errors[0].message.contains("undefined"), "{}", errors[0].message);
        assert!(r.render_with(&mail(two_factor(), None), Some(&custom)).is_err());
    }

    #[test]
    fn header_injection_through_an_override_is_flattened() {
        let r = MailRenderer::new("HireOps").unwrap();
        let custom = TemplateSource { subject: "Hi\r\nBcc: x@example.com {{ code }}".into(), text: "t".into(), html: "h".into() };
        let out = r.render_with(&mail(two_factor(), None), Some(&custom)).unwrap();
        assert_eq!(out.subject, "Hi Bcc: x@example.com 493027");
    }

    #[test]
    fn tenant_branding_shows_in_both_bodies_and_the_sender_name() {
        let r = MailRenderer::new("HireOps").unwrap();
        let branding = Branding {
            company_name: Some("Acme <Staffing>".into()),
            sender_name: Some("Acme Talent\r\nBcc: x@y.z".into()),
            footer: Some("Acme Staffing Ltd, 1 Main St".into()),
            color: "#ff5500".into(),
        };
        let out = r.render_branded(&mail(MailMessage::PasswordChanged, None), None, &branding).unwrap();
        assert!(out.html.contains("border-top:4px solid #ff5500"), "{}", out.html);
        assert!(out.html.contains("Acme &lt;Staffing&gt; · HireOps"), "{}", out.html);
        assert!(out.html.contains("Acme Staffing Ltd, 1 Main St"));
        assert!(out.text.contains("Acme Staffing Ltd, 1 Main St\n"), "{}", out.text);
        assert_eq!(out.from_name.as_deref(), Some("Acme Talent Bcc: x@y.z"));
        let plain = r.render_with(&mail(MailMessage::PasswordChanged, None), None).unwrap();
        assert!(plain.from_name.is_none() && !plain.html.contains(" · HireOps") && !plain.text.contains("Acme"));
    }

    #[test]
    fn units_filter() {
        assert_eq!(units(1, "hour"), "1 hour");
        assert_eq!(units(0, "hour"), "0 hours");
        assert_eq!(units(24, "hour"), "24 hours");
    }
}
