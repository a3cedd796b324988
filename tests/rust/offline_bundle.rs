//! FrontDesk needs no network: the window's bundle (ui/dist, built before the Rust tests by
//! scripts/test.sh; a missing bundle fails this test) loads nothing from outside, and the content
//! security policy lets it reach only itself and the app's IPC.
//!
//! HTML and CSS may name no http(s) URL at all. The JavaScript may contain only the inert
//! references its libraries carry (XML namespace names, links in error messages and licences,
//! URLs that core-js and pdf.js parse to test the browser); any other host — a CDN, a font, an
//! analytics endpoint — fails here.
use std::path::{Path, PathBuf};

const INERT_HOSTS: &[&str] = &[
    // XML / SVG / XFA namespace names (identifiers, never fetched).
    "www.w3.org",
    "www.xfa.org",
    "ns.adobe.com",
    // Links printed in library error messages and licence headers.
    "svelte.dev",
    "github.com",
    "www.apache.org",
    // Hosts that core-js and pdf.js build URLs with to test the URL parser.
    "a",
    "x",
    "foo.bar",
    "example.com",
    "тест",
    // The scheme alone, as in `url.startsWith("https://")`.
    "",
];

fn dist() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/dist")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// Every `http://` or `https://` URL's host in `text`.
fn hosts(text: &str) -> Vec<String> {
    let mut out = vec![];
    for scheme in ["http://", "https://"] {
        let mut rest = text;
        while let Some(i) = rest.find(scheme) {
            let after = &rest[i + scheme.len()..];
            let host: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '.' || *c == '-')
                .collect();
            out.push(host);
            rest = after;
        }
    }
    out
}

#[test]
fn the_bundle_loads_nothing_from_the_network() {
    let dir = dist();
    assert!(
        dir.join("index.html").is_file(),
        "ui/dist is missing: build the UI first (cd ui && npm run build)"
    );
    let mut scripts = 0;
    for f in files(&dir) {
        let name = f.display().to_string();
        let text = String::from_utf8_lossy(&std::fs::read(&f).unwrap()).into_owned();
        let found = hosts(&text);
        if name.ends_with(".html") || name.ends_with(".css") {
            assert!(found.is_empty(), "{name} names a remote URL: {found:?}");
        } else if name.ends_with(".js") || name.ends_with(".mjs") {
            scripts += 1;
            for h in &found {
                assert!(
                    INERT_HOSTS.contains(&h.as_str()),
                    "{name} references a remote host: {h}"
                );
            }
        }
    }
    assert!(scripts >= 1, "no scripts found in the bundle");
    // And the window may not load from anywhere but itself.
    let conf: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../src-tauri/tauri.conf.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("a content security policy");
    assert!(csp.contains("default-src 'self'"), "{csp}");
    for h in hosts(csp) {
        assert_eq!(
            h, "ipc.localhost",
            "the policy allows a remote origin: {csp}"
        );
    }
}

#[test]
fn the_host_finder_finds_hosts() {
    assert_eq!(
        hosts("x https://cdn.example.net/a.js and http://b"),
        ["b", "cdn.example.net"]
    );
}
