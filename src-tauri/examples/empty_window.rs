//! An empty Tauri window (a blank page, no commands): the baseline of the real-window benchmark's
//! idle memory (`scripts/bench-ui.sh`). Built with the same Tauri and WebKitGTK as the app.
fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!(
            "examples/empty-window/tauri.conf.json"
        ))
        .expect("the empty window runs");
}
