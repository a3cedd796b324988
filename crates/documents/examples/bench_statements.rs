//! `cargo run --release -p frontdesk-documents --example bench_statements [n] [lines]`
fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().expect("a number"));
    let n = args.next().unwrap_or(1000);
    let lines = args.next().unwrap_or(20);
    let f = frontdesk_documents::bench_statements(n, lines);
    println!(
        "{} statements x {lines} lines: builtin {:.3} s ({} KB avg), embedded {:.3} s ({} KB avg)",
        f.statements,
        f.builtin_s,
        f.builtin_bytes / n.max(1) / 1024,
        f.embedded_s,
        f.embedded_bytes / n.max(1) / 1024
    );
}
