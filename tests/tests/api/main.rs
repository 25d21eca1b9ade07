//! API tests: the real app, in-process, against the real local stack
//! (MariaDB, Redis, the SQS emulator, the SMTP catcher).

mod audit_log;
mod authorization_matrix;
mod activation;
mod admin_companies;
mod admin_roles;
mod admin_support;
mod admin_users;
mod demo_seed;
mod email_templates;
mod files;
mod generated;
mod health;
mod login;
mod notifications;
mod password_reset;
mod recruiting_support;
mod refresh;
mod register;
mod settings;
mod sso;
mod two_factor;
mod user_import;
mod jobs;
mod public_jobs;
mod applications;
mod pipelines;
mod public_apply;
mod search;
mod dashboards;
mod analytics;
mod candidates;
mod candidate_self;
mod messaging;
mod realtime;
mod ws_registry;
