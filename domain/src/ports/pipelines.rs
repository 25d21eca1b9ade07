use super::PortResult;
use crate::ids::CompanyId;
use crate::pipelines::StageDraft;

/// A company's own pipeline template (stages in order).
#[async_trait::async_trait]
pub trait PipelineTemplateStore: Send + Sync {
    /// None when the company has not saved one (the default for its type applies).
    async fn template(&self, company: CompanyId) -> PortResult<Option<Vec<StageDraft>>>;
    /// Replace the company's template.
    async fn save(&self, company: CompanyId, stages: &[StageDraft]) -> PortResult<()>;
}
