//! Outside input to the vault never panics: any typed recovery code is read or refused, and any
//! backup manifest's key parameters derive a key or are refused (huge parameters are refused,
//! not run).
use frontdesk_vault::backup_passphrase::PassphraseKdf;
use frontdesk_vault::RecoveryCode;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn any_typed_recovery_code_is_read_or_refused(s in "\\PC{0,120}") {
        let _ = RecoveryCode::parse_key(&s);
    }

    #[test]
    fn any_key_parameters_derive_or_are_refused(
        algorithm in prop_oneof![Just("argon2id".to_string()), "\\PC{0,12}"],
        memory_kib in prop_oneof![0u32..64, Just(u32::MAX), Just(4 * 1024 * 1024u32)],
        iterations in prop_oneof![0u32..3, Just(u32::MAX)],
        lanes in prop_oneof![0u32..3, Just(u32::MAX)],
        salt in "[0-9a-fA-Fz]{0,40}",
        passphrase in "\\PC{0,40}",
    ) {
        let kdf = PassphraseKdf { algorithm, memory_kib, iterations, lanes, salt };
        let _ = kdf.derive(&passphrase);
    }
}
