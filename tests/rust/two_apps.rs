//! Two `App`s on one folder (the CLI beside the desktop app): writing at the same time they
//! corrupt nothing and lose nothing (SQLite serialises the writers; the busy timeout waits). And a
//! backup's manifest is outside input: damaged or random bytes in it give a typed error and write
//! nothing.
use frontdesk_acceptance::{memory_config, new_patient, ready};
use frontdesk_app::admin::backup_manifest::{manifest_path, verify_backup, VerifyKey};

#[tokio::test]
async fn two_apps_on_one_folder_write_at_once_without_loss_or_damage() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, _kc) = memory_config(dir.path());
    let a = ready(cfg.clone()).await;
    let b = ready(cfg.clone()).await;
    let (ra, rb) = tokio::join!(
        async {
            for i in 0..40 {
                new_patient(&a, "Twin", &format!("Ana{i}"), "1990-01-01").await;
            }
        },
        async {
            for i in 0..40 {
                new_patient(&b, "Twin", &format!("Bo{i}"), "1991-01-01").await;
            }
        }
    );
    let _ = (ra, rb);
    assert_eq!(a.patient_count().await.unwrap(), 80);
    assert_eq!(
        b.search_patients("twin", false).await.unwrap().len(),
        50.min(80)
    );
    // Both logged into one intact chain; a checked backup of the folder passes.
    assert!(a.audit_verify().await.unwrap().intact);
    let out = tempfile::tempdir().unwrap();
    let m = b.backup_to_folder(out.path()).await.unwrap();
    assert_eq!(m.patients, 80);
    verify_backup(&cfg, &out.path().join(&m.file), VerifyKey::Keychain)
        .await
        .unwrap();
    a.close().await;
    b.close().await;
}

#[tokio::test]
async fn damaged_manifests_give_a_typed_error_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, _kc) = memory_config(dir.path());
    let app = ready(cfg.clone()).await;
    new_patient(&app, "Manifest", "Mia", "1985-05-05").await;
    let out = tempfile::tempdir().unwrap();
    let m = app.backup_to_folder(out.path()).await.unwrap();
    app.close().await;
    let file = out.path().join(&m.file);
    let good = std::fs::read(manifest_path(&file)).unwrap();
    let listing = || {
        let mut v: Vec<_> = std::fs::read_dir(out.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        v.sort();
        v
    };
    let before = listing();
    // A small deterministic fuzz: truncations, flipped bytes, spliced junk, random bytes.
    let mut seed: u64 = 0x5eed;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for case in 0..300 {
        let mut bytes = good.clone();
        match case % 4 {
            0 => bytes.truncate((next() as usize) % good.len()),
            1 => {
                for _ in 0..1 + next() % 4 {
                    let i = (next() as usize) % bytes.len();
                    bytes[i] ^= 1 << (next() % 8);
                }
            }
            2 => {
                let i = (next() as usize) % bytes.len();
                let junk: Vec<u8> = (0..next() % 40).map(|_| next() as u8).collect();
                bytes.splice(i..i, junk);
            }
            _ => bytes = (0..next() % 600).map(|_| next() as u8).collect(),
        }
        if bytes == good {
            continue;
        }
        std::fs::write(manifest_path(&file), &bytes).unwrap();
        match verify_backup(&cfg, &file, VerifyKey::Keychain).await {
            // A change that leaves every checked value as it was (e.g. whitespace) still verifies.
            Ok(v) => assert_eq!(v.manifest.patients, 1),
            Err(e) => assert!(
                !e.message.is_empty() && !e.message.contains("Mia"),
                "case {case}: {e:?}"
            ),
        }
        assert_eq!(listing(), before, "case {case}: nothing written");
    }
}
