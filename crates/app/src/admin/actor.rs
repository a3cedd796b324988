//! Who is acting. Until user accounts exist, the workstation's OS user.

pub fn workstation_user() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "front-desk".into());
    format!("workstation:{user}")
}
