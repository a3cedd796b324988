//! Linux and macOS: the CUPS command-line tools.
//!
//! * `lpstat -e` lists the queues, `lpstat -d` names the default one,
//!   `lpoptions -p NAME -l` tells whether it has a `Duplex`/`sides` option and
//!   `lpstat -l -p NAME` gives its description.
//! * `lp -d NAME -n COPIES -t TITLE -o sides=… -` prints, reading the PDF from standard input: the
//!   document goes through a pipe to the scheduler and this crate never writes it to a file, so
//!   nothing plaintext stays in temp dirs.
//!
//! The tools run with `LC_ALL=C` so their output can be parsed, and each has a time limit so a
//! wedged scheduler can't hang the app.

use std::io::{ErrorKind, Read, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::parse::{
    parse_default_destination, parse_description, parse_duplex_support, parse_queue_names,
    parse_request_id,
};
use crate::{PrintError, PrintJob, PrintReceipt, Printer};

/// Time limit for the query tools (`lpstat`, `lpoptions`).
const QUERY_TIMEOUT: Duration = Duration::from_secs(20);
/// Time limit for `lp`, which has to upload the whole document.
const LP_TIMEOUT: Duration = Duration::from_secs(120);
/// Longest spooler message passed on in [`PrintError::Spool`].
const MAX_MESSAGE: usize = 500;

pub(crate) fn list_printers() -> Result<Vec<Printer>, PrintError> {
    let names = queue_names()?;
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let default = parse_default_destination(&query("lpstat", &["-d"])?.stdout);
    names
        .into_iter()
        .map(|name| {
            Ok(Printer {
                description: description(&name)?,
                is_default: default.as_deref() == Some(name.as_str()),
                duplex: supports_duplex(&name)?,
                name,
            })
        })
        .collect()
}

pub(crate) fn print_pdf(
    pdf: &[u8],
    job: &PrintJob,
    title: &str,
) -> Result<PrintReceipt, PrintError> {
    if !queue_names()?.contains(&job.printer) {
        return Err(PrintError::UnknownPrinter(job.printer.clone()));
    }
    let duplex_used = job.duplex && supports_duplex(&job.printer)?;
    let copies = job.copies.to_string();
    // Always say which: a queue whose default is two-sided would otherwise ignore `duplex: false`.
    let sides = if duplex_used {
        "sides=two-sided-long-edge"
    } else {
        "sides=one-sided"
    };
    let args = [
        "-d",
        job.printer.as_str(),
        "-n",
        copies.as_str(),
        "-t",
        title,
        "-o",
        sides,
        "-", // the document comes from standard input
    ];
    let out = run("lp", &args, Some(pdf), LP_TIMEOUT).map_err(|e| match e {
        // The job may or may not have been queued; the spooler's own queue tells.
        RunError::TimedOut(message) => PrintError::Spool { message },
        RunError::Unavailable(message) => PrintError::Unavailable(message),
    })?;
    if !out.status.success() {
        return Err(PrintError::Spool {
            message: spool_message(&out.stderr, out.status),
        });
    }
    if let Some(e) = out.stdin_error {
        // lp succeeded without reading the whole document: don't pretend it printed.
        return Err(PrintError::Spool {
            message: format!("could not send the document to lp: {e}"),
        });
    }
    Ok(PrintReceipt {
        printer: job.printer.clone(),
        job_id: parse_request_id(&out.stdout).unwrap_or_default(),
        duplex_used,
    })
}

/// Queue names; empty when there are none or the scheduler isn't running (`lpstat -e` then prints
/// nothing, so its exit status is not an error here).
fn queue_names() -> Result<Vec<String>, PrintError> {
    Ok(parse_queue_names(&query("lpstat", &["-e"])?.stdout))
}

fn supports_duplex(name: &str) -> Result<bool, PrintError> {
    let out = query("lpoptions", &["-p", name, "-l"])?;
    Ok(out.status.success() && parse_duplex_support(&out.stdout))
}

fn description(name: &str) -> Result<String, PrintError> {
    let out = query("lpstat", &["-l", "-p", name])?;
    Ok(if out.status.success() {
        parse_description(&out.stdout)
    } else {
        String::new()
    })
}

/// lp's standard error (queue names and reasons, never document content), on one line and short.
fn spool_message(stderr: &str, status: ExitStatus) -> String {
    let joined = stderr
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    if joined.is_empty() {
        return format!("lp failed ({status})");
    }
    let mut message: String = joined.chars().take(MAX_MESSAGE).collect();
    if message.len() < joined.len() {
        message.push('…');
    }
    message
}

struct Output {
    status: ExitStatus,
    stdout: String,
    stderr: String,
    /// Writing the document to the tool's standard input failed (e.g. it exited early).
    stdin_error: Option<std::io::Error>,
}

/// Runs a query tool; any failure to run it makes printing unavailable.
fn query(tool: &str, args: &[&str]) -> Result<Output, PrintError> {
    Ok(run(tool, args, None, QUERY_TIMEOUT)?)
}

#[derive(Debug)]
enum RunError {
    /// The tool is missing or could not be started or waited for.
    Unavailable(String),
    /// The tool was killed after its time limit.
    TimedOut(String),
}

impl From<RunError> for PrintError {
    fn from(e: RunError) -> Self {
        match e {
            RunError::Unavailable(m) | RunError::TimedOut(m) => PrintError::Unavailable(m),
        }
    }
}

/// Runs `tool args…` with `LC_ALL=C`, feeding `stdin` (if any) through a pipe, and kills it after
/// `timeout`.
fn run(
    tool: &str,
    args: &[&str],
    stdin: Option<&[u8]>,
    timeout: Duration,
) -> Result<Output, RunError> {
    let mut child = Command::new(tool)
        .args(args)
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .env_remove("LANGUAGE")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            RunError::Unavailable(if e.kind() == ErrorKind::NotFound {
                format!(
                    "`{tool}` was not found; install the CUPS client tools (Debian: cups-client)"
                )
            } else {
                format!("could not run `{tool}`: {e}")
            })
        })?;

    let child_stdin = child.stdin.take();
    let mut child_stdout = child.stdout.take().expect("stdout is piped");
    let mut child_stderr = child.stderr.take().expect("stderr is piped");

    thread::scope(|scope| {
        // Feed and drain on separate threads so a tool that writes a lot before reading (or
        // stops reading) can't deadlock us.
        let writer = scope.spawn(move || -> std::io::Result<()> {
            if let (Some(mut pipe), Some(data)) = (child_stdin, stdin) {
                pipe.write_all(data)?;
                // Dropping `pipe` closes it: end of document.
            }
            Ok(())
        });
        let out_reader = scope.spawn(move || {
            let mut buf = Vec::new();
            let _ = child_stdout.read_to_end(&mut buf);
            buf
        });
        let err_reader = scope.spawn(move || {
            let mut buf = Vec::new();
            let _ = child_stderr.read_to_end(&mut buf);
            buf
        });

        let deadline = Instant::now() + timeout;
        let waited = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Ok(status),
                Ok(None) if Instant::now() >= deadline => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break Err(RunError::TimedOut(format!(
                        "`{tool}` did not finish within {} s",
                        timeout.as_secs()
                    )));
                }
                Ok(None) => thread::sleep(Duration::from_millis(10)),
                Err(e) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break Err(RunError::Unavailable(format!(
                        "could not wait for `{tool}`: {e}"
                    )));
                }
            }
        };

        let stdin_error = writer.join().expect("stdin writer panicked").err();
        let stdout = out_reader.join().expect("stdout reader panicked");
        let stderr = err_reader.join().expect("stderr reader panicked");
        let status = waited?;
        Ok(Output {
            status,
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
            stdin_error,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_tool_is_unavailable() {
        let err: PrintError = run(
            "frontdesk-no-such-print-tool",
            &[],
            None,
            Duration::from_secs(1),
        )
        .err()
        .unwrap()
        .into();
        assert_eq!(err.code(), "print_unavailable");
        assert!(err.to_string().contains("not found"), "{err}");
    }

    #[test]
    fn runner_feeds_stdin_and_collects_output() {
        // `cat` stands in for lp: whatever we pipe in comes back, nothing touches the disk.
        let data = b"%PDF-1.4 piped".repeat(50_000); // bigger than a pipe buffer
        let out = run("cat", &[], Some(&data), Duration::from_secs(10)).unwrap();
        assert!(out.status.success());
        assert_eq!(out.stdout.len(), data.len());
        assert!(out.stdin_error.is_none());
    }

    #[test]
    fn runner_reports_early_exit_and_stderr() {
        let data = vec![b'x'; 1 << 20];
        let out = run(
            "sh",
            &[
                "-c",
                "echo 'lp: Error - the printer is stopped' >&2; exit 1",
            ],
            Some(&data),
            Duration::from_secs(10),
        )
        .unwrap();
        assert!(!out.status.success());
        assert_eq!(
            spool_message(&out.stderr, out.status),
            "lp: Error - the printer is stopped"
        );
    }

    #[test]
    fn runner_kills_a_hung_tool() {
        let started = Instant::now();
        let err = run("sleep", &["30"], None, Duration::from_millis(200))
            .err()
            .unwrap();
        assert!(matches!(&err, RunError::TimedOut(m) if m.contains("did not finish")));
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn spool_messages_are_one_short_line() {
        let status = Command::new("false").status().unwrap();
        assert_eq!(
            spool_message("lp: a\n\n  lp: b  \n", status),
            "lp: a; lp: b"
        );
        assert!(spool_message("", status).starts_with("lp failed"));
        let long = "e".repeat(2000);
        assert_eq!(
            spool_message(&long, status).chars().count(),
            MAX_MESSAGE + 1
        );
    }
}
