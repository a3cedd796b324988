//! One window per data folder. The window that holds the folder's lock listens on a local socket
//! in the folder (`frontdesk.sock`); a second start on the same folder asks it to come to the
//! front and then ends. When the first cannot be reached (another OS user's session, whose socket
//! this user may not open, or an OS without Unix sockets), the second window stays and says
//! clearly that FrontDesk is open elsewhere (the folder lock's `in_use` message).
use std::path::{Path, PathBuf};

pub const SOCKET_FILE: &str = "frontdesk.sock";

pub fn socket_path(data_dir: &Path) -> PathBuf {
    data_dir.join(SOCKET_FILE)
}

#[cfg(unix)]
mod imp {
    use std::io::{BufRead, BufReader, Write};
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::net::{UnixListener, UnixStream};
    use std::path::Path;
    use std::time::Duration;

    /// Called by the window that holds the folder's lock (so any socket file left is stale).
    /// `focus` runs for each "focus" request.
    pub fn listen(path: &Path, focus: impl Fn() + Send + 'static) -> std::io::Result<()> {
        let _ = std::fs::remove_file(path);
        let listener = UnixListener::bind(path)?;
        // Only this OS user may ask (another session gets the clear message instead).
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
                let mut line = String::new();
                let mut reader = BufReader::new(&stream);
                if reader.read_line(&mut line).is_ok() && line.trim() == "focus" {
                    focus();
                    let _ = (&stream).write_all(b"ok\n");
                }
            }
        });
        Ok(())
    }

    /// True when the first window answered that it came to the front.
    pub fn ask_first_to_focus(path: &Path) -> bool {
        let Ok(mut stream) = UnixStream::connect(path) else {
            return false;
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(3)));
        if stream.write_all(b"focus\n").is_err() {
            return false;
        }
        let mut answer = String::new();
        BufReader::new(&stream).read_line(&mut answer).is_ok() && answer.trim() == "ok"
    }
}

#[cfg(not(unix))]
mod imp {
    use std::path::Path;

    pub fn listen(_: &Path, _: impl Fn() + Send + 'static) -> std::io::Result<()> {
        Ok(())
    }

    pub fn ask_first_to_focus(_: &Path) -> bool {
        false
    }
}

pub use imp::{ask_first_to_focus, listen};

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    #[test]
    fn a_second_start_reaches_the_first_and_a_stale_socket_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = socket_path(dir.path());
        assert!(!ask_first_to_focus(&path), "nobody listens yet");
        std::fs::write(&path, "stale").unwrap();
        let asked = Arc::new(AtomicUsize::new(0));
        let counter = asked.clone();
        listen(&path, move || {
            counter.fetch_add(1, Ordering::SeqCst);
        })
        .unwrap();
        assert!(ask_first_to_focus(&path));
        assert!(ask_first_to_focus(&path));
        assert_eq!(asked.load(Ordering::SeqCst), 2);
    }
}
