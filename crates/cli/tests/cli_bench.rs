//! `bench ui-folder` (the real-window benchmark's data folder): the demo office on an empty
//! folder, brought up to 20 operatories with the extra appointments spread over ten years; a folder
//! that already has patients is refused.
mod common;
use common::{frontdesk, ok};

#[test]
fn bench_ui_folder_fills_an_empty_folder_and_refuses_one_with_patients() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let out = ok(
        dir,
        &[
            "bench",
            "ui-folder",
            "--patients",
            "40",
            "--appointments",
            "3000",
        ],
    );
    assert!(out.contains("3000 appointments in 20 operatories"), "{out}");
    // 3000 visits over ten years of weekdays in 20 rooms: one a room on the first weekday.
    let day: serde_json::Value =
        serde_json::from_str(&ok(dir, &["schedule", "day", "2017-01-02", "--json"])).unwrap();
    let rows = day["appointments"].as_array().unwrap();
    assert_eq!(rows.len(), 20, "{day}");
    let mut rooms: Vec<String> = rows.iter().map(|a| a["operatory"].to_string()).collect();
    rooms.sort();
    rooms.dedup();
    assert_eq!(rooms.len(), 20);
    let again = frontdesk(
        dir,
        &[
            "bench",
            "ui-folder",
            "--patients",
            "40",
            "--appointments",
            "10",
        ],
    );
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already has patients"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}
