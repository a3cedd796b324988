//! What a person types at sign-in or in the Users panel never panics: usernames, full names,
//! passwords and PINs are accepted or refused, and any stored hash string simply does not match.
use frontdesk_access::password_hashing::{check_password, check_pin, verify_secret};
use frontdesk_access::user_rules::{check_full_name, normalize_username};
use frontdesk_access::{Permission, Role};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn typed_sign_in_fields_are_read_or_refused(s in "\\PC{0,300}") {
        let _ = normalize_username(&s);
        let _ = check_full_name(&s);
        let _ = check_password(&s);
        let _ = check_pin(&s);
        let _ = Permission::parse(&s);
        let _ = Role::parse(&s);
    }

    #[test]
    fn a_damaged_stored_hash_never_matches(stored in "\\PC{0,120}", secret in "\\PC{0,20}") {
        prop_assume!(!stored.starts_with("$argon2"));
        prop_assert!(!verify_secret(&secret, &stored));
    }
}
