//! The checked-in TypeScript bindings must match the Rust commands and types.
//! `UPDATE_BINDINGS=1 cargo test -p frontdesk-desktop --test bindings` rewrites them.

#[test]
fn bindings_are_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts");
    let fresh = frontdesk_desktop::render_bindings();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).expect("write bindings");
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == fresh,
        "ui/src/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p frontdesk-desktop --test bindings` and commit it"
    );
}
