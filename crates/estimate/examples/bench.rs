//! `cargo run --release -p frontdesk-estimate --example bench [PROCEDURES]`: the engine's rate without
//! building the CLI.
fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200_000);
    let r = frontdesk_estimate::bench(n);
    println!("{}", serde_json::to_string(&r).expect("figures serialize"));
}
