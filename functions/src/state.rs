//! The composition root: adapters are built once per process (per Lambda
//! container) and shared by every request and message.

use crate::config::{Config, MailTransportKind, RealtimePushKind};
use hireops_adapters::apigw_push::ApiGatewayPush;
use anyhow::{Context, Result};
use hireops_adapters::clamav::Clamd;
use hireops_adapters::mail::{MailRenderer, MailTransport, SesTransport, SmtpTransport};
use hireops_adapters::mysql::{self, *};
use hireops_adapters::object_store::S3Store;
use hireops_adapters::oidc::{OidcConfig, OidcProviderClient};
use hireops_adapters::queue::{SqsEventPublisher, SqsImportQueue, SqsMailOutbox, SqsQueue, SqsScanQueue};
use hireops_adapters::clamav::ObjectScanner;
use hireops_adapters::extract::DocumentText;
use hireops_domain::files::{FileDeps, FileLimits, FileService};
use hireops_adapters::redis::RedisStore;
use hireops_adapters::security::{Argon2Hasher, HmacSecrets, JwtCodec, JwtKeys};
use hireops_adapters::aws;
use hireops_domain::admin::{AdminDeps, AdminService};
use hireops_domain::applications::{ApplicationDeps, ApplicationService};
use hireops_domain::pipelines::{PipelineDeps, PipelineService};
use hireops_domain::candidates::{CandidateDeps, CandidateService};
use hireops_domain::imports::UserImportService;
use hireops_domain::jobs::{JobDeps, JobService};
use hireops_domain::auth::{AuthDeps, AuthPolicy, AuthService, PasswordPolicy, SsoProvider};
use hireops_domain::clock::SystemClock;
use hireops_domain::audit::AuditTrailService;
use hireops_domain::notifications::{NotificationDeps, NotificationService};
use hireops_domain::settings::{SettingsDeps, SettingsService};
use hireops_domain::insights::{InsightsDeps, InsightsService};
use hireops_domain::clock::Clock;
use hireops_domain::ports::{AuditLog, EventPublisher, OidcClient, RateLimiter};
use sqlx::MySqlPool;
use std::sync::Arc;
use std::time::Duration;

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub auth: Arc<AuthService>,
    pub admin: Arc<AdminService>,
    pub imports: Arc<UserImportService>,
    pub audit_trail: Arc<AuditTrailService>,
    pub pool: MySqlPool,
    pub redis: RedisStore,
    pub rate_limiter: Arc<dyn RateLimiter>,
    pub mail_queue: Arc<SqsQueue>,
    pub events_queue: Arc<SqsQueue>,
    pub import_queue: Arc<SqsQueue>,
    pub events: Arc<dyn EventPublisher>,
    pub objects: Arc<S3Store>,
    pub clamd: Arc<Clamd>,
    pub mail_transport: Arc<dyn MailTransport>,
    pub mail_renderer: Arc<MailRenderer>,
    pub processed: ProcessedMessages,
    pub settings: Arc<SettingsService>,
    pub notifications: Arc<NotificationService>,
    pub jobs: Arc<JobService>,
    pub pipelines: Arc<PipelineService>,
    pub applications: Arc<ApplicationService>,
    pub insights: Arc<InsightsService>,
    pub scan_queue: Arc<SqsQueue>,
    pub files: Arc<FileService>,
    pub candidates: Arc<CandidateService>,
    pub messaging: Arc<hireops_domain::messaging::MessagingService>,
    /// Real time: what the domain pushes through, and this process's local fan-out.
    pub realtime: Arc<dyn hireops_domain::ports::RealtimePush>,
    pub realtime_hub: hireops_adapters::redis_pubsub::RealtimeHub,
    /// The API Gateway WebSocket (its registry and management API), when
    /// `REALTIME_PUSH=apigateway`; then it is also `realtime`.
    pub websocket: Option<Arc<ApiGatewayPush>>,
    /// Who may listen on a conversation channel: its participants.
    pub realtime_access: Arc<dyn hireops_domain::ports::ConversationChannelAccess>,
}

impl AppState {
    pub async fn build(config: Config) -> Result<Self> {
        let pool = mysql::connect(&config.database_url, config.database_max_connections).await?;
        let redis = RedisStore::connect(&config.redis_url, &config.redis_key_prefix).await.context("connecting to Redis")?;
        let sdk = aws::sdk_config(config.aws_endpoint_url.as_deref(), &config.aws_region).await;
        let sqs = aws_sdk_sqs::Client::new(&sdk);
        let mail_queue = Arc::new(SqsQueue::connect(sqs.clone(), &config.queue_mail).await.context("resolving the mail queue")?);
        let events_queue = Arc::new(SqsQueue::connect(sqs.clone(), &config.queue_events).await.context("resolving the events queue")?);
        let import_queue = Arc::new(SqsQueue::connect(sqs.clone(), &config.queue_import).await.context("resolving the import queue")?);
        let scan_queue = Arc::new(SqsQueue::connect(sqs, &config.queue_scan).await.context("resolving the scan queue")?);
        let events: Arc<dyn EventPublisher> = Arc::new(SqsEventPublisher((*events_queue).clone()));
        let objects = Arc::new(
            S3Store::new(aws::s3_client(&sdk, config.aws_endpoint_url.is_some()), config.s3_bucket.clone())
                .for_uploads(&sdk, config.aws_endpoint_url.clone()),
        );
        let clamd = Arc::new(Clamd::new(config.clamd_addr.clone(), Duration::from_secs(30)));
        let mail_transport: Arc<dyn MailTransport> = match config.mail_transport {
            MailTransportKind::Smtp => Arc::new(SmtpTransport::new(
                &config.smtp_host,
                config.smtp_port,
                config.smtp_username.clone(),
                config.smtp_password.clone(),
                config.smtp_tls.parse()?,
                config.mail_from.clone(),
            )?),
            MailTransportKind::Ses => Arc::new(SesTransport::new(aws_sdk_sesv2::Client::new(&sdk), config.mail_from.clone())),
        };
        let keys = config
            .jwt_verify_keys
            .iter()
            .try_fold(JwtKeys::from_pem(&config.jwt_key_id, &config.jwt_private_key_pem).context("JWT_PRIVATE_KEY_PEM")?, |k, spec| {
                k.with_verify_key(spec)
            })?;
        let mut sso_clients: Vec<Arc<dyn OidcClient>> = Vec::new();
        for (provider, settings) in [(SsoProvider::Google, &config.google_oidc), (SsoProvider::Outlook, &config.outlook_oidc)] {
            if let Some(s) = settings {
                let client = OidcProviderClient::new(OidcConfig {
                    provider,
                    issuer_url: s.issuer_url.clone(),
                    client_id: s.client_id.clone(),
                    client_secret: s.client_secret.clone(),
                    redirect_url: format!("{}/api/auth/sso/{}/callback", config.public_api_url.trim_end_matches('/'), provider.as_str()),
                    scopes: OidcConfig::default_scopes(),
                })
                .map_err(|e| anyhow::anyhow!("SSO {}: {e}", provider.as_str()))?;
                sso_clients.push(Arc::new(client));
            }
        }
        let audit_log: Arc<dyn AuditLog> = Arc::new(MySqlAuditLog::new(pool.clone()));
        let audit_trail = Arc::new(AuditTrailService::new(Arc::new(MySqlAuditTrail::new(pool.clone())), audit_log.clone()));
        let admin = Arc::new(AdminService::new(AdminDeps {
            users: Arc::new(MySqlUsers::new(pool.clone())),
            roles: Arc::new(MySqlRoles::new(pool.clone())),
            companies: Arc::new(MySqlCompanies::new(pool.clone())),
            sessions: Arc::new(MySqlSessions::new(pool.clone())),
            one_time: Arc::new(MySqlOneTimeTokens::new(pool.clone())),
            audit: audit_log.clone(),
            mail: Arc::new(SqsMailOutbox((*mail_queue).clone())),
            events: events.clone(),
            hasher: Arc::new(Argon2Hasher::new(config.argon2_memory_kib, config.argon2_iterations)?),
            secrets: Arc::new(HmacSecrets::new(config.app_secret.as_bytes())?),
            clock: Arc::new(SystemClock),
            password_policy: PasswordPolicy::default(),
            activation_ttl: AuthPolicy::default().activation_ttl,
            frontend_url: config.frontend_url.clone(),
        }));
        let imports = Arc::new(UserImportService {
            imports: Arc::new(MySqlUserImports::new(pool.clone())),
            users: Arc::new(MySqlUsers::new(pool.clone())),
            queue: Arc::new(SqsImportQueue((*import_queue).clone())),
            creator: admin.clone(),
            mail: Arc::new(SqsMailOutbox((*mail_queue).clone())),
            events: events.clone(),
            audit: audit_log.clone(),
            clock: Arc::new(SystemClock),
        });
        let mail_renderer = Arc::new(MailRenderer::new("HireOps")?);
        let clock: Arc<dyn Clock> = Arc::new(SystemClock);
        let settings_repo = Arc::new(MySqlSettings::new(pool.clone()));
        let settings = Arc::new(SettingsService::new(SettingsDeps {
            settings: settings_repo.clone(),
            templates: Arc::new(MySqlEmailTemplates::new(pool.clone())),
            engine: mail_renderer.clone(),
            audit: audit_log.clone(),
            clock: clock.clone(),
        }));
        let application_store = Arc::new(MySqlApplications::new(pool.clone()));
        let job_stages = Arc::new(MySqlJobStages::new(pool.clone()));
        let pipelines = Arc::new(PipelineService::new(PipelineDeps {
            templates: Arc::new(MySqlPipelineTemplates::new(pool.clone())),
            companies: Arc::new(MySqlCompanies::new(pool.clone())),
            jobs: job_stages.clone(),
            audit: audit_log.clone(),
            clock: clock.clone(),
        }));
        let applications = Arc::new(ApplicationService::new(ApplicationDeps {
            applications: application_store.clone(),
            jobs: job_stages,
            events: events.clone(),
            audit: audit_log.clone(),
            clock: clock.clone(),
        }));
        let websocket = match config.realtime_push {
            RealtimePushKind::Redis => None,
            RealtimePushKind::ApiGateway => {
                let url = config.websocket_management_url.as_deref().context("REALTIME_PUSH=apigateway needs WEBSOCKET_MANAGEMENT_URL")?;
                Some(Arc::new(ApiGatewayPush::new(&sdk, url, MySqlWsConnections::new(pool.clone()))))
            }
        };
        let realtime: Arc<dyn hireops_domain::ports::RealtimePush> = match &websocket {
            Some(push) => push.clone(),
            None => Arc::new(hireops_adapters::redis_pubsub::RedisPush::new(redis.clone())),
        };
        let notifications = Arc::new(NotificationService::new(NotificationDeps {
            notifications: Arc::new(MySqlNotifications::new(pool.clone())),
            preferences: Arc::new(MySqlNotificationPreferences::new(pool.clone())),
            directory: Arc::new(MySqlRecipientDirectory::new(pool.clone())),
            users: Arc::new(MySqlUsers::new(pool.clone())),
            settings: settings_repo,
            mail: Arc::new(SqsMailOutbox((*mail_queue).clone())),
            applications: application_store,
            clock: clock.clone(),
            realtime: realtime.clone(),
            frontend_url: config.frontend_url.clone(),
        }));
        let jobs = Arc::new(JobService::new(JobDeps {
            jobs: Arc::new(MySqlJobs::new(pool.clone())),
            companies: Arc::new(MySqlCompanies::new(pool.clone())),
            templates: Arc::new(MySqlPipelineTemplates::new(pool.clone())),
            audit: audit_log.clone(),
            clock: clock.clone(),
        }));
        let insights = Arc::new(InsightsService::new(InsightsDeps { repo: Arc::new(MySqlInsights::new(pool.clone())), clock: clock.clone() }));
        let files = Arc::new(FileService::new(FileDeps {
            files: Arc::new(MySqlFiles::new(pool.clone())),
            storage: objects.clone(),
            scan_queue: Arc::new(SqsScanQueue((*scan_queue).clone())),
            scanner: Arc::new(ObjectScanner { store: (*objects).clone(), clamd: (*clamd).clone() }),
            extractor: Arc::new(DocumentText),
            secrets: Arc::new(HmacSecrets::new(config.app_secret.as_bytes())?),
            clock: clock.clone(),
            limits: FileLimits {
                resume_max_bytes: config.resume_max_bytes,
                attachment_max_bytes: config.message_attachment_max_bytes,
                ..FileLimits::default()
            },
        }));
        let conversations: Arc<dyn hireops_domain::ports::ConversationStore> = Arc::new(MySqlConversations::new(pool.clone()));
        let deps = AuthDeps {
            users: Arc::new(MySqlUsers::new(pool.clone())),
            sessions: Arc::new(MySqlSessions::new(pool.clone())),
            challenges: Arc::new(MySqlChallenges::new(pool.clone())),
            one_time: Arc::new(MySqlOneTimeTokens::new(pool.clone())),
            resets: Arc::new(MySqlResetRequests::new(pool.clone())),
            sso_links: Arc::new(MySqlSsoLinks::new(pool.clone())),
            sso_state: Arc::new(redis.clone()),
            sso_clients,
            audit: audit_log.clone(),
            mail: Arc::new(SqsMailOutbox((*mail_queue).clone())),
            notifier: Arc::new(MySqlNotifier::new(pool.clone())),
            events: events.clone(),
            hasher: Arc::new(Argon2Hasher::new(config.argon2_memory_kib, config.argon2_iterations)?),
            tokens: Arc::new(JwtCodec::new(keys, &config.jwt_issuer, &config.jwt_audience)),
            secrets: Arc::new(HmacSecrets::new(config.app_secret.as_bytes())?),
            clock: Arc::new(SystemClock),
            policy: AuthPolicy::default(),
            password_policy: PasswordPolicy::default(),
            frontend_url: config.frontend_url.clone(),
        };
        Ok(Self {
            auth: Arc::new(AuthService::new(deps)),
            admin,
            imports,
            audit_trail,
            rate_limiter: Arc::new(redis.clone()),
            redis,
            mail_queue,
            events_queue,
            import_queue,
            events,
            objects,
            clamd,
            mail_transport,
            mail_renderer,
            processed: ProcessedMessages::new(pool.clone()),
            settings,
            notifications,
            jobs,
            pipelines,
            applications,
            insights,
            scan_queue,
            files: files.clone(),
            candidates: Arc::new(CandidateService::new(CandidateDeps {
                candidates: Arc::new(MySqlCandidates::new(pool.clone())),
                saved_jobs: Arc::new(MySqlSavedJobs::new(pool.clone())),
                audit: audit_log.clone(),
                clock: clock.clone(),
            })),
            messaging: Arc::new(hireops_domain::messaging::MessagingService::new(hireops_domain::messaging::MessagingDeps {
                store: conversations.clone(),
                audit: audit_log.clone(),
                clock: clock.clone(),
                push: realtime.clone(),
                files: files.clone(),
            })),
            realtime,
            realtime_hub: hireops_adapters::redis_pubsub::RealtimeHub::default(),
            websocket,
            realtime_access: Arc::new(hireops_domain::messaging::ConversationChannels(conversations)),
            pool,
            config: Arc::new(config),
        })
    }

    /// Local start-up and the deploy step: schema, system roles, first super admin.
    pub async fn prepare_database(&self) -> Result<()> {
        mysql::migrate(&self.pool).await.context("running migrations")?;
        mysql::sync_system_roles(&self.pool).await.context("syncing system roles")?;
        if let (Some(email), Some(password)) = (&self.config.bootstrap_superadmin_email, &self.config.bootstrap_superadmin_password) {
            let created = self.auth.bootstrap_super_admin(email, "Super Admin", password).await.map_err(|e| anyhow::anyhow!("bootstrap super admin: {e:?}"))?;
            if created {
                tracing::info!(%email, "created the first super admin");
            }
        }
        Ok(())
    }
}

