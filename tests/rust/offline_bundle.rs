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

/// Hosts named in the desktop binary that are references, not endpoints: crates' documentation
/// and licence links, XML/ICC/XMP namespace names, the font's home page.
const BINARY_REFERENCE_HOSTS: &[&str] = &[
    "github.com",
    "docs.rs",
    "www.w3.org",
    "ns.adobe.com",
    "partners.adobe.com",
    "purl.org",
    "www.npes.org",
    "www.color.org",
    "dejavu.sourceforge.net",
];

/// Top-level domains a real remote URL would use (words from compression dictionaries that happen
/// to follow "http://" — `www.css`, `www.years` — are not hosts).
const REAL_TLDS: &[&str] = &[
    "com", "org", "net", "io", "dev", "rs", "app", "edu", "gov", "co", "us", "uk", "de", "ai",
    "cloud", "info", "biz",
];

#[test]
fn the_desktop_binary_names_no_remote_endpoint() {
    // target/debug/deps/offline_bundle-… → target/debug/frontdesk-desktop
    let exe = std::env::current_exe().unwrap();
    let bin = exe
        .parent()
        .and_then(|d| d.parent())
        .unwrap()
        .join(format!("frontdesk-desktop{}", std::env::consts::EXE_SUFFIX));
    let bytes = std::fs::read(&bin).unwrap_or_else(|e| {
        panic!(
            "the desktop binary {} is missing ({e}): cargo test --workspace builds it",
            bin.display()
        )
    });
    let mut remote = std::collections::BTreeSet::new();
    let mut seen = 0;
    // One pass for both schemes (the binary is hundreds of megabytes in a debug build).
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|b| *b == b'h') {
        let at = i + off;
        i = at + 1;
        let rest = &bytes[at..];
        let start = if rest.starts_with(b"https://") {
            8
        } else if rest.starts_with(b"http://") {
            7
        } else {
            continue;
        };
        let host: String = rest[start..]
            .iter()
            .take(253)
            .take_while(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || **b == b'.' || **b == b'-'
            })
            .map(|b| *b as char)
            .collect();
        let tld = host.rsplit('.').next().unwrap_or("");
        if !host.contains('.') || !REAL_TLDS.contains(&tld) {
            continue;
        }
        seen += 1;
        if !BINARY_REFERENCE_HOSTS.contains(&host.as_str()) {
            remote.insert(host);
        }
    }
    assert!(
        seen > 0,
        "expected the libraries' reference links in the binary (is it the right file?)"
    );
    assert!(
        remote.is_empty(),
        "the desktop binary names remote hosts: {remote:?}"
    );
}
