//! What the window is connected to: an unlocked app, a locked database, or a start-up failure.
use frontdesk_app::admin::data_folder::DataDir;
use frontdesk_app::admin::folder_lock::FolderLock;
use frontdesk_app::{
    start, unlock_with_recovery_code, App, AppError, AppStatus, Config, ErrorCode, Locked, Started,
};
use tokio::sync::RwLock;

pub enum State {
    Ready(App),
    Locked(Locked),
    Failed(AppError),
}

/// The window's state, and the data folder's lock held for as long as the window runs (so a
/// second window, a restore or a rekey cannot replace the database under it).
pub struct Session {
    state: RwLock<State>,
    _folder_lock: Option<FolderLock>,
}

impl Session {
    pub async fn start(data_dir: DataDir) -> Session {
        let lock = match FolderLock::acquire(&data_dir) {
            Ok(lock) => lock,
            Err(e) => {
                return Session {
                    state: RwLock::new(State::Failed(e)),
                    _folder_lock: None,
                }
            }
        };
        let state = match start(Config::new(data_dir)).await {
            Ok(Started::Ready(app) | Started::Created(app)) => State::Ready(app),
            Ok(Started::Locked(l)) => State::Locked(l),
            Err(e) => State::Failed(e),
        };
        Session {
            state: RwLock::new(state),
            _folder_lock: Some(lock),
        }
    }

    /// FrontDesk already runs on this folder (this window could not take its lock).
    pub fn in_use(&self) -> bool {
        self._folder_lock.is_none()
            && matches!(self.state.try_read().as_deref(), Ok(State::Failed(e)) if e.code == ErrorCode::InUse)
    }

    pub async fn status(&self) -> Result<AppStatus, AppError> {
        match &*self.state.read().await {
            State::Ready(app) => app.current_status().await,
            State::Locked(l) => Ok(AppStatus::Locked {
                reason: l.reason,
                message: l.message.clone(),
            }),
            State::Failed(e) => Err(e.clone()),
        }
    }

    pub async fn unlock(&self, code: &str) -> Result<AppStatus, AppError> {
        let mut state = self.state.write().await;
        let State::Locked(locked) = &*state else {
            return Err(AppError::new(ErrorCode::Locked, "FrontDesk is not locked"));
        };
        let app = unlock_with_recovery_code(locked, code).await?;
        let status = app.current_status().await?;
        *state = State::Ready(app);
        Ok(status)
    }

    /// Runs `f` with the unlocked app, or says the database is locked.
    pub async fn with_app<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: AsyncFnOnce(&App) -> Result<T, AppError>,
    {
        match &*self.state.read().await {
            State::Ready(app) => f(app).await,
            State::Locked(_) => Err(AppError::new(
                ErrorCode::Locked,
                "FrontDesk is locked: unlock it with the recovery code",
            )),
            State::Failed(e) => Err(e.clone()),
        }
    }
}
