//! `frontdesk estimate` and `frontdesk bench estimate` over the estimate engine.
use frontdesk_app::{AppError, ErrorCode};

/// Runs one scenario (the JSON text of a file in the shared estimates format).
pub fn run_file(input: &str, explain: bool) -> Result<String, AppError> {
    frontdesk_estimate::run_scenario_json(input, explain)
        .map_err(|e| AppError::new(ErrorCode::Validation, e.to_string()))
}

/// Estimates `procedures` procedures over a realistic mix and prints the rate.
pub fn bench(procedures: usize, json: bool) -> Result<(), AppError> {
    if procedures == 0 {
        return Err(AppError::new(
            ErrorCode::Validation,
            "procedures: must be at least 1",
        ));
    }
    let r = frontdesk_estimate::bench(procedures);
    if json {
        // Written by hand so the keys keep this order whatever serde_json features are on.
        println!(
            "{{\"procedures\":{},\"estimates_per_second\":{:.0}}}",
            r.procedures, r.estimates_per_second
        );
    } else {
        println!(
            "{} procedure estimates in {:.3} s, {:.0} per second",
            r.procedures, r.seconds, r.estimates_per_second
        );
    }
    Ok(())
}
