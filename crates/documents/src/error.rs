#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("the document could not be rendered: {0}")]
    Render(String),
}
