//! The FrontDesk desktop shell. Commands are thin: parse, call the app crate, map the error.
#[macro_use]
mod command_macro;
mod commands;
mod session;
mod single_instance;

use frontdesk_app::admin::backup_schedule::BackupTrigger;
use frontdesk_app::admin::data_folder::DataDir;
use tauri::Manager;

pub use commands::{render_bindings, specta_builder};
use session::Session;

/// `--data-dir DIR` on the command line, else `FRONTDESK_DATA_DIR`, else the OS app-data folder.
fn data_dir() -> DataDir {
    let args: Vec<String> = std::env::args().collect();
    match args
        .iter()
        .position(|a| a == "--data-dir")
        .and_then(|i| args.get(i + 1))
    {
        Some(dir) => DataDir::new(dir),
        None => DataDir::default_location(),
    }
}

/// The automatic backup's check: once a minute (it backs up when the office's daily time has
/// passed; a failure is recorded for the banner, never shown as a crash).
async fn backup_ticks(handle: tauri::AppHandle) {
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
        let session = handle.state::<Session>();
        let _ = session
            .with_app(async |a| a.run_due_backup(BackupTrigger::Scheduled).await)
            .await;
    }
}

pub fn run() {
    let builder = specta_builder();
    let app = tauri::Builder::default()
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let dir = data_dir();
            let socket = single_instance::socket_path(dir.root());
            let session = tauri::async_runtime::block_on(Session::start(dir));
            if session.in_use() {
                // A second start on this folder: bring the first window forward and end. If it
                // cannot be reached (another OS user's session), this window says FrontDesk is
                // open elsewhere.
                if single_instance::ask_first_to_focus(&socket) {
                    std::process::exit(0);
                }
            } else {
                let handle = app.handle().clone();
                let _ = single_instance::listen(&socket, move || {
                    if let Some(w) = handle.webview_windows().values().next() {
                        let _ = w.unminimize();
                        let _ = w.show();
                        let _ = w.set_focus();
                    }
                });
            }
            app.manage(session);
            tauri::async_runtime::spawn(backup_ticks(app.handle().clone()));
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("error while starting FrontDesk");
    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            // The on-close backup, if the office chose it (before the folder lock is let go).
            let session = handle.state::<Session>();
            let _ = tauri::async_runtime::block_on(
                session.with_app(async |a| a.run_due_backup(BackupTrigger::OnClose).await),
            );
        }
    });
}
