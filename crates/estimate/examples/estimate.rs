//! `cargo run -p frontdesk-estimate --example estimate FILE.json [--explain]`: the scenario runner
//! without building the CLI.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let explain = args.iter().any(|a| a == "--explain");
    let Some(file) = args.iter().find(|a| *a != "--explain") else {
        eprintln!("usage: estimate FILE.json [--explain]");
        std::process::exit(2);
    };
    let input = std::fs::read_to_string(file).expect("readable scenario file");
    match frontdesk_estimate::run_scenario_json(&input, explain) {
        Ok(out) => println!("{out}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
