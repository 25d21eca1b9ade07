//! The typed settings document of a tenant. Stored as JSON; unknown or missing
//! fields fall back to the defaults, so adding a field needs no migration.

use crate::error::FieldError;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// Locales the web app ships translations and formats for.
pub const LOCALES: &[&str] = &["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "pt-BR", "pl-PL", "sv-SE"];
pub const DATE_FORMATS: &[&str] = &["YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY", "DD.MM.YYYY"];
pub const WEEK_STARTS: &[&str] = &["monday", "sunday", "saturday"];

const MAX_NAME_CHARS: usize = 100;
const MAX_FOOTER_CHARS: usize = 1000;
/// Candidate data is kept at least a month (open pipelines) and at most ten years.
const RETENTION_DAYS: std::ops::RangeInclusive<u32> = 30..=3650;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TenantSettings {
    /// Shown in the app and in emails instead of the company's legal name.
    pub display_name: Option<String>,
    /// IANA time zone, e.g. `Europe/Berlin`.
    pub timezone: String,
    pub locale: String,
    pub date_format: String,
    pub week_start: String,
    /// The name in the From header of outbound email.
    pub email_sender_name: Option<String>,
    /// Plain text appended to outbound email.
    pub email_footer: Option<String>,
    /// `#rrggbb`.
    pub brand_color: String,
    /// How long candidate data is kept after the last activity.
    pub candidate_data_retention_days: u32,
    /// Whether notification kinds that email by default do so for this tenant's users.
    pub default_notification_email: bool,
}

impl Default for TenantSettings {
    fn default() -> Self {
        Self {
            display_name: None,
            timezone: "UTC".into(),
            locale: "en-US".into(),
            date_format: "YYYY-MM-DD".into(),
            week_start: "monday".into(),
            email_sender_name: None,
            email_footer: None,
            brand_color: "#2563eb".into(),
            candidate_data_retention_days: 730,
            default_notification_email: true,
        }
    }
}

/// A change to the settings: omitted fields keep their value; an empty string
/// clears an optional text field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SettingsUpdate {
    pub display_name: Option<String>,
    pub timezone: Option<String>,
    pub locale: Option<String>,
    pub date_format: Option<String>,
    pub week_start: Option<String>,
    pub email_sender_name: Option<String>,
    pub email_footer: Option<String>,
    pub brand_color: Option<String>,
    pub candidate_data_retention_days: Option<i64>,
    pub default_notification_email: Option<bool>,
}

fn one_of(errors: &mut Vec<FieldError>, field: &str, value: &str, allowed: &[&str]) {
    if !allowed.contains(&value) {
        errors.push(FieldError::new(field, "not_allowed", format!("must be one of: {}", allowed.join(", "))));
    }
}

/// Trimmed, empty → None, bounded, single line unless `multiline`.
fn optional_text(errors: &mut Vec<FieldError>, field: &str, value: String, max: usize, multiline: bool) -> Option<String> {
    let value = value.trim().to_string();
    if value.chars().count() > max {
        errors.push(FieldError::new(field, "too_long", format!("must be at most {max} characters")));
    } else if value.chars().any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
        errors.push(FieldError::new(field, "invalid_characters", "must not contain control characters"));
    }
    (!value.is_empty()).then_some(value)
}

fn is_hex_color(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

impl TenantSettings {
    /// Apply an update; every broken field is reported and nothing changes.
    pub fn apply(&self, update: SettingsUpdate) -> Result<TenantSettings, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut next = self.clone();
        if let Some(v) = update.display_name {
            next.display_name = optional_text(&mut errors, "display_name", v, MAX_NAME_CHARS, false);
        }
        if let Some(v) = update.timezone {
            let v = v.trim().to_string();
            if chrono_tz::Tz::from_str(&v).is_err() {
                errors.push(FieldError::new("timezone", "unknown_timezone", "must be an IANA time zone such as Europe/Berlin"));
            }
            next.timezone = v;
        }
        if let Some(v) = update.locale {
            one_of(&mut errors, "locale", &v, LOCALES);
            next.locale = v;
        }
        if let Some(v) = update.date_format {
            one_of(&mut errors, "date_format", &v, DATE_FORMATS);
            next.date_format = v;
        }
        if let Some(v) = update.week_start {
            one_of(&mut errors, "week_start", &v, WEEK_STARTS);
            next.week_start = v;
        }
        if let Some(v) = update.email_sender_name {
            let name = optional_text(&mut errors, "email_sender_name", v, MAX_NAME_CHARS, false);
            // It goes into a From header: no quoting or address syntax.
            if name.as_deref().is_some_and(|n| n.contains(['<', '>', '"', '@', ',', ';'])) {
                errors.push(FieldError::new("email_sender_name", "invalid_characters", "must not contain < > \" @ , or ;"));
            }
            next.email_sender_name = name;
        }
        if let Some(v) = update.email_footer {
            next.email_footer = optional_text(&mut errors, "email_footer", v, MAX_FOOTER_CHARS, true);
        }
        if let Some(v) = update.brand_color {
            let v = v.trim().to_ascii_lowercase();
            if !is_hex_color(&v) {
                errors.push(FieldError::new("brand_color", "invalid_format", "must be a color like #1a2b3c"));
            }
            next.brand_color = v;
        }
        if let Some(v) = update.candidate_data_retention_days {
            match u32::try_from(v).ok().filter(|d| RETENTION_DAYS.contains(d)) {
                Some(days) => next.candidate_data_retention_days = days,
                None => errors.push(FieldError::new(
                    "candidate_data_retention_days",
                    "out_of_range",
                    format!("must be between {} and {} days", RETENTION_DAYS.start(), RETENTION_DAYS.end()),
                )),
            }
        }
        if let Some(v) = update.default_notification_email {
            next.default_notification_email = v;
        }
        if errors.is_empty() { Ok(next) } else { Err(errors) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(e: Vec<FieldError>) -> Vec<String> {
        e.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_valid_update_changes_only_what_it_names() {
        let base = TenantSettings::default();
        let next = base
            .apply(SettingsUpdate {
                timezone: Some("Europe/Berlin".into()),
                brand_color: Some("#A1B2C3".into()),
                display_name: Some("  Acme  ".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(next.timezone, "Europe/Berlin");
        assert_eq!(next.brand_color, "#a1b2c3");
        assert_eq!(next.display_name.as_deref(), Some("Acme"));
        assert_eq!(next.locale, base.locale);
        let cleared = next.apply(SettingsUpdate { display_name: Some(" ".into()), ..Default::default() }).unwrap();
        assert_eq!(cleared.display_name, None);
    }

    #[test]
    fn every_bad_field_is_reported() {
        let e = TenantSettings::default()
            .apply(SettingsUpdate {
                timezone: Some("Mars/Olympus".into()),
                locale: Some("xx".into()),
                date_format: Some("YY".into()),
                week_start: Some("friday".into()),
                email_sender_name: Some("Eve <eve@example.com>".into()),
                email_footer: Some("x".repeat(1001)),
                brand_color: Some("blue".into()),
                candidate_data_retention_days: Some(5),
                display_name: Some("a\u{7}b".into()),
                default_notification_email: None,
            })
            .unwrap_err();
        assert_eq!(
            fields(e),
            [
                "display_name", "timezone", "locale", "date_format", "week_start", "email_sender_name", "email_footer", "brand_color",
                "candidate_data_retention_days"
            ]
        );
    }

    #[test]
    fn stored_documents_missing_fields_get_defaults() {
        let s: TenantSettings = serde_json::from_value(serde_json::json!({"timezone": "Asia/Tokyo"})).unwrap();
        assert_eq!(s.timezone, "Asia/Tokyo");
        assert_eq!(s.candidate_data_retention_days, 730);
        assert!(TenantSettings::default().apply(SettingsUpdate { candidate_data_retention_days: Some(-1), ..Default::default() }).is_err());
    }
}
