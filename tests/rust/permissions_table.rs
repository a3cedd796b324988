//! The permission gate, use-case by use-case: every gated method on `App` is called once by a
//! user of every role. A role with the permission is never refused; a role without it gets
//! `forbidden`, and exactly one `permission.denied` audit entry naming the permission (and
//! nothing else is logged or changed). A scan of crates/app/src keeps the table complete.
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use frontdesk_acceptance::{files_under, memory_config, ready, TEST_PASSWORD};
use frontdesk_app::users::user_admin::NewUserInput;
use frontdesk_app::users::{Permission, Role};
use frontdesk_app::ErrorCode;

#[path = "permissions_table/cases.rs"]
mod cases;

use cases::{Outcome, CASE_NAMES, TARGET};

fn username(role: Role) -> String {
    format!("t_{}", role.id())
}

async fn add_user(app: &frontdesk_app::App, username: &str, role: Role) {
    app.add_user(&NewUserInput {
        username: username.into(),
        full_name: format!("Test {}", role.label()),
        role,
        grants: vec![],
        password: TEST_PASSWORD.into(),
    })
    .await
    .expect("a valid user");
}

/// What is wrong with one call, if anything.
fn check(o: &Outcome, user: &str, perms: &BTreeSet<Permission>) -> Option<String> {
    let forbidden = matches!(&o.result, Err(e) if e.code == ErrorCode::Forbidden);
    let denials: Vec<_> = o
        .appended
        .iter()
        .filter(|e| e.action == "permission.denied")
        .collect();
    let may = o.perm.is_none_or(|p| perms.contains(&p));
    if may {
        if forbidden || !denials.is_empty() {
            return Some(format!("allowed but refused: {:?}, {denials:?}", o.result));
        }
        return None;
    }
    let p = o.perm.expect("only gated rows are denied");
    let Err(e) = &o.result else {
        return Some("succeeded without the permission".into());
    };
    if e.code != ErrorCode::Forbidden {
        return Some(format!("not forbidden but {:?}: {}", e.code, e.message));
    }
    if !e.message.contains(p.id()) {
        return Some(format!(
            "the message does not name {}: {}",
            p.id(),
            e.message
        ));
    }
    match denials.as_slice() {
        [d] if d.actor == user && d.entity == "permission" && d.fields == [p.id()] => {}
        _ => return Some(format!("expected one denial of {}: {denials:?}", p.id())),
    }
    if o.appended.len() != 1 {
        return Some(format!("a refused call logged more: {:?}", o.appended));
    }
    None
}

#[tokio::test]
async fn every_use_case_is_allowed_or_refused_by_every_role_as_its_permission_says() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let mut app = ready(memory_config(dir.path()).0).await;
    frontdesk_demo::load_demo(&app, 12, 7).await.unwrap();
    for role in Role::ALL {
        add_user(&app, &username(role), role).await;
    }
    add_user(&app, TARGET, Role::FrontDesk).await;
    let mut f = cases::fixtures(&app, files.path().to_path_buf()).await;

    let started = Instant::now();
    let mut problems = Vec::new();
    let (mut calls, mut refused) = (0, 0);
    for role in Role::ALL {
        let user = username(role);
        app.sign_out().await.unwrap();
        let me = app.sign_in(&user, TEST_PASSWORD).await.unwrap();
        let perms: BTreeSet<Permission> = role.permissions().iter().copied().collect();
        let session: BTreeSet<Permission> = me.permissions.iter().copied().collect();
        assert_eq!(
            session, perms,
            "{user}'s session has the role's permissions"
        );
        f.dir = files.path().join(role.id());
        std::fs::create_dir_all(&f.dir).unwrap();

        let outcomes = Box::pin(cases::run_all(&mut app, &f)).await;
        let names: Vec<&str> = outcomes.iter().map(|o| o.name).collect();
        assert_eq!(names, CASE_NAMES, "every row ran once, in order");
        for o in &outcomes {
            calls += 1;
            if o.result
                .as_ref()
                .is_err_and(|e| e.code == ErrorCode::Forbidden)
            {
                refused += 1;
            }
            if let Some(p) = check(o, &user, &perms) {
                problems.push(format!("{user} × {} ({:?}): {p}", o.name, o.perm));
            }
        }
    }
    println!(
        "{} use-cases × {} roles = {calls} calls ({refused} refused) in {:.1?}",
        CASE_NAMES.len(),
        Role::ALL.len(),
        started.elapsed()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The administrator has everything, so every row was also called with its permission.
    assert!(Role::Admin.permissions().len() == Permission::ALL.len());
    app.close().await;
}

/// Public use-cases on `App` that pass no permission gate, each on purpose. `true`: it has a row
/// in the table anyway (it is gated by the use-case it calls).
const OPEN: &[(&str, bool, &str)] = &[
    (
        "needs_first_admin",
        false,
        "first start: asked before any user can exist",
    ),
    (
        "create_first_admin",
        false,
        "first start; refused once any user exists",
    ),
    ("sign_in", false, "how a session begins"),
    ("sign_in_with_pin", false, "how a locked session resumes"),
    (
        "set_own_pin",
        false,
        "the signed-in user's own PIN, after their password",
    ),
    (
        "change_own_password",
        false,
        "the signed-in user's own password, after the old one",
    ),
    (
        "touch_session",
        false,
        "keeps the session alive; reads nothing",
    ),
    ("lock_session", false, "locks the session; reads nothing"),
    ("sign_out", false, "ends the session"),
    (
        "current_status",
        false,
        "the start / sign-in / lock screen: no patient data",
    ),
    ("close", false, "shuts the app down"),
    (
        "run_due_backup",
        false,
        "the desktop's timer and on-close hook: backs up as the system, to the folder set",
    ),
    (
        "recovery_kit_pdf",
        true,
        "calls recovery_kit first (view_recovery_kit)",
    ),
    (
        "save_recovery_kit_pdf",
        true,
        "calls recovery_kit_pdf first (view_recovery_kit)",
    ),
];

/// The index of the `}` closing the `{` at `open`; strings, chars and comments are skipped.
fn closing(s: &[u8], open: usize) -> usize {
    let (mut depth, mut i) = (0usize, open);
    while i < s.len() {
        match s[i] {
            b'"' => {
                i += 1;
                while s[i] != b'"' {
                    i += if s[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if s.get(i + 1) == Some(&b'/') => {
                while s[i] != b'\n' {
                    i += 1;
                }
            }
            b'\'' if s.get(i + 1) == Some(&b'\\') => {
                i += 3;
                while s[i] != b'\'' {
                    i += 1;
                }
            }
            b'\'' if s.get(i + 2) == Some(&b'\'') => i += 2,
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
        i += 1;
    }
    panic!("unbalanced braces");
}

/// Every `pub async fn` inside an `impl App` block: name → (file, whether its body has
/// `self.require`).
fn app_methods(src: &Path) -> BTreeMap<String, (PathBuf, bool)> {
    let mut found = BTreeMap::new();
    for file in files_under(src) {
        if file.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let s = text.as_bytes();
        for (at, _) in text.match_indices("impl App {") {
            let open = at + "impl App ".len();
            let block = &text[open..closing(s, open)];
            for (i, _) in block.match_indices("pub async fn ") {
                let rest = &block[i + "pub async fn ".len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let body_open = open + i + block[i..].find('{').unwrap();
                let body = &text[body_open..closing(s, body_open)];
                let rel = file.strip_prefix(src).unwrap().to_path_buf();
                let previous = found.insert(name.clone(), (rel, body.contains("self.require")));
                assert!(previous.is_none(), "{name} is defined twice");
            }
        }
    }
    found
}

#[test]
fn every_gated_use_case_has_a_row_and_every_open_one_a_reason() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/app/src");
    let methods = app_methods(&src);
    assert!(
        methods.len() > 100,
        "the scan found the use-cases: {}",
        methods.len()
    );
    let rows: BTreeSet<&str> = CASE_NAMES.iter().copied().collect();
    assert_eq!(rows.len(), CASE_NAMES.len(), "no row twice");
    let open: BTreeMap<&str, bool> = OPEN.iter().map(|(n, row, _)| (*n, *row)).collect();
    let mut problems = Vec::new();
    for (name, (file, gated)) in &methods {
        let has_row = rows.contains(name.as_str());
        match (gated, open.get(name.as_str())) {
            (true, Some(_)) => problems.push(format!("{name} is gated now: drop it from OPEN")),
            (true, None) if !has_row => problems.push(format!(
                "{name} ({}) has no row in the table",
                file.display()
            )),
            (false, None) => problems.push(format!(
                "{name} ({}) has no self.require and no reason in OPEN",
                file.display()
            )),
            (false, Some(&row)) if row != has_row => problems.push(format!(
                "{name}: OPEN says row={row}, the table says {has_row}"
            )),
            _ => {}
        }
    }
    for name in open.keys().chain(rows.iter()) {
        if !methods.contains_key(*name) {
            problems.push(format!("{name} is not a pub async fn on App any more"));
        }
    }
    let gated = methods.values().filter(|(_, g)| *g).count();
    println!(
        "{} methods on App: {gated} gated, {} open",
        methods.len(),
        OPEN.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
