//! Parsers for the CUPS command-line tools' output (run with `LC_ALL=C`). Pure functions, so they
//! are compiled and tested on every platform.

/// Queue names from `lpstat -e`: one per line. Lines that can't be queue names (empty, or with
/// whitespace, such as a diagnostic like `lpstat: No destinations added.`) are skipped; duplicates
/// are dropped, order is kept.
pub fn parse_queue_names(lpstat_e: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for line in lpstat_e.lines() {
        let name = line.trim();
        if name.is_empty() || name.contains(char::is_whitespace) || name.ends_with(':') {
            continue;
        }
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    }
    names
}

/// The default destination from `lpstat -d`: `system default destination: PDF` → `Some("PDF")`;
/// `no system default destination` → `None`.
pub fn parse_default_destination(lpstat_d: &str) -> Option<String> {
    lpstat_d.lines().find_map(|line| {
        let rest = line.trim().strip_prefix("system default destination:")?;
        let name = rest.trim();
        (!name.is_empty()).then(|| name.to_string())
    })
}

/// Whether `lpoptions -p NAME -l` lists a two-sided option: a `Duplex` (PPD) or `sides` (IPP)
/// option with at least one choice other than one-sided. Lines look like
/// `Duplex/2-Sided Printing: *None DuplexNoTumble DuplexTumble`.
pub fn parse_duplex_support(lpoptions_l: &str) -> bool {
    lpoptions_l.lines().any(|line| {
        let Some((head, choices)) = line.split_once(':') else {
            return false;
        };
        let keyword = head.split('/').next().unwrap_or("").trim();
        if !(keyword.eq_ignore_ascii_case("Duplex") || keyword.eq_ignore_ascii_case("sides")) {
            return false;
        }
        choices.split_whitespace().any(|choice| {
            let choice = choice.trim_start_matches('*');
            !(choice.eq_ignore_ascii_case("None")
                || choice.eq_ignore_ascii_case("Simplex")
                || choice.eq_ignore_ascii_case("one-sided")
                || choice.eq_ignore_ascii_case("False")
                || choice.eq_ignore_ascii_case("Off"))
        })
    })
}

/// The `Description:` line of `lpstat -l -p NAME`; empty when there is none.
pub fn parse_description(lpstat_lp: &str) -> String {
    lpstat_lp
        .lines()
        .find_map(|line| line.trim().strip_prefix("Description:"))
        .map(|d| d.trim().to_string())
        .unwrap_or_default()
}

/// The job id from lp's `request id is PDF-12 (1 file(s))` → `Some("PDF-12")`.
pub fn parse_request_id(lp_stdout: &str) -> Option<String> {
    lp_stdout.lines().find_map(|line| {
        let rest = line.trim().strip_prefix("request id is ")?;
        let id = rest.split_whitespace().next()?;
        Some(id.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_names() {
        assert_eq!(parse_queue_names("PDF\n"), vec!["PDF"]);
        assert_eq!(
            parse_queue_names("PDF\nHP_LaserJet_Front\nPDF/draft\n\nPDF\n"),
            vec!["PDF", "HP_LaserJet_Front", "PDF/draft"]
        );
        assert!(parse_queue_names("").is_empty());
        assert!(parse_queue_names("lpstat: No destinations added.\n").is_empty());
        assert!(parse_queue_names("lpstat: error:\n").is_empty());
    }

    #[test]
    fn default_destination() {
        assert_eq!(
            parse_default_destination("system default destination: PDF\n").as_deref(),
            Some("PDF")
        );
        assert_eq!(
            parse_default_destination("system default destination: Front_Desk/duplex\n").as_deref(),
            Some("Front_Desk/duplex")
        );
        assert_eq!(
            parse_default_destination("no system default destination\n"),
            None
        );
        assert_eq!(parse_default_destination(""), None);
    }

    #[test]
    fn duplex_from_lpoptions() {
        // cups-pdf, as installed by scripts/cups-pdf-queue.sh: no duplex.
        let cups_pdf = "\
PageSize/Page Size: Custom.WIDTHxHEIGHT 11x14 11x17 *A4 A5 Letter Legal
Resolution/Output Resolution: 150dpi *300dpi 600dpi 1200dpi 2400dpi
PDFVer/PDF version: 1.1 *1.2 1.3 1.4 1.5
Truncate/Truncate output filename to: 8 16 32 *64
Label/Label outputfiles: 0 1 *2
TitlePref/Prefer title from: *0 1
LogType/Log level: 1 3 *7
";
        assert!(!parse_duplex_support(cups_pdf));

        // A PPD-driven laser printer.
        let laser = "\
PageSize/Media Size: *Letter Legal A4
Duplex/2-Sided Printing: *None DuplexNoTumble DuplexTumble
InputSlot/Media Source: *Auto Tray1 Tray2
";
        assert!(parse_duplex_support(laser));

        // Driverless (IPP Everywhere) queue.
        assert!(parse_duplex_support(
            "sides/2-Sided Printing: *one-sided two-sided-long-edge two-sided-short-edge\n"
        ));

        // Option present but only one-sided choices.
        assert!(!parse_duplex_support("Duplex/Duplex: *None\n"));
        assert!(!parse_duplex_support(
            "sides/2-Sided Printing: *one-sided\n"
        ));

        // Other keywords that merely mention duplex don't count.
        assert!(!parse_duplex_support(
            "DuplexUnit/Duplexer Installed: *False True\n"
        ));
        assert!(!parse_duplex_support(""));
    }

    #[test]
    fn description_from_lpstat() {
        let out = "\
printer PDF is idle.  enabled since Wed Nov 25 17:39:13 2026
\tForm mounted:
\tContent types: any
\tPrinter types: unknown
\tDescription: Generic CUPS-PDF Printer
\tAlerts: none
\tLocation: 
";
        assert_eq!(parse_description(out), "Generic CUPS-PDF Printer");
        assert_eq!(parse_description("\tDescription: \n"), "");
        assert_eq!(parse_description("printer X is idle.\n"), "");
    }

    #[test]
    fn request_id_from_lp() {
        assert_eq!(
            parse_request_id("request id is PDF-12 (1 file(s))\n").as_deref(),
            Some("PDF-12")
        );
        // Standard input is reported as zero files.
        assert_eq!(
            parse_request_id("request id is PDF-3 (0 file(s))\n").as_deref(),
            Some("PDF-3")
        );
        assert_eq!(
            parse_request_id("request id is HP-LaserJet-Front-107 (1 file(s))").as_deref(),
            Some("HP-LaserJet-Front-107")
        );
        assert_eq!(parse_request_id(""), None);
        assert_eq!(
            parse_request_id("lp: Error - no default destination available."),
            None
        );
    }
}
