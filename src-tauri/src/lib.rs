//! The FrontDesk desktop shell. Commands are thin: parse, call the app crate, map the error.
#[macro_use]
mod command_macro;
mod commands;
mod session;

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

pub fn run() {
    let builder = specta_builder();
    tauri::Builder::default()
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let session = tauri::async_runtime::block_on(Session::start(data_dir()));
            app.manage(session);
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("error while running FrontDesk");
}
