//! Printed documents from the encrypted database, read back with pdftotext: the statement (kept
//! as sent; a copy is byte-identical), the batch run (dry run records nothing; a run is recorded
//! and skips recent statements), the walkout receipt, the check-in packets of a day with names in
//! any script, and a statement printed through the real CUPS PDF queue (set up by
//! scripts/cups-pdf-queue.sh; a missing queue fails the test). A refused print keeps nothing.
use std::path::Path;
use std::time::{Duration, Instant};

use frontdesk_acceptance::insurance_fixture::{item, FEES};
use frontdesk_acceptance::schedule_fixture::{filling, office, type_id};
use frontdesk_acceptance::{draft, files_under};
use frontdesk_app::documents::claim_form::PracticeInfo;
use frontdesk_app::documents::preview_print_save::DocumentRequest;
use frontdesk_app::documents::printers::PrintOptions;
use frontdesk_app::money::ledger_postings::PaymentDraft;
use frontdesk_app::money::statements::RunOptions;
use frontdesk_app::{App, ErrorCode};
use frontdesk_domain::{Address, Relationship};
use frontdesk_ledger::PaymentMethod;

fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    text_of(&path)
}

fn text_of(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Ivana Horváthová (guarantor, with an address) and her son Дмитрий; a filling for him and a
/// cleaning for her today; $50 paid on the card. Balance $260.
async fn family(app: &App) -> (i64, i64) {
    app.import_fee_schedule(FEES).await.unwrap();
    app.set_practice_info(&PracticeInfo {
        name: "Maple Street Dental".into(),
        phone: "555-0100".into(),
        ..Default::default()
    })
    .await
    .unwrap();
    let mut d = draft("Horváthová", "Ivana", "1979-03-04");
    d.address = Address {
        line1: "12 Birch Lane".into(),
        city: "Springfield".into(),
        state: "IL".into(),
        postal_code: "62704".into(),
        ..Default::default()
    };
    let parent = app.create_patient(&d).await.unwrap().patient.id;
    let child = app
        .create_patient(&draft("Иванов", "Дмитрий", "2014-06-07"))
        .await
        .unwrap()
        .patient
        .id;
    app.link_family(child, parent, Relationship::Child)
        .await
        .unwrap();
    for (p, code) in [(child, "D2391"), (parent, "D1110")] {
        let v = app.add_treatment(p, &item(code, "30")).await.unwrap();
        let id = v.items.last().unwrap().id;
        app.complete_treatment(p, id, "2026-11-24").await.unwrap();
    }
    app.take_payment(&PaymentDraft {
        patient_id: parent,
        date: String::new(),
        amount_cents: 5_000,
        method: PaymentMethod::Card {
            last_four: "4242".into(),
        },
        note: String::new(),
        charges: vec![],
    })
    .await
    .unwrap();
    (parent, child)
}

#[tokio::test]
async fn a_statement_is_kept_as_sent_and_a_run_records_who_and_what() {
    let (dir, app, _) = office().await;
    let (parent, child) = family(&app).await;

    let out = dir.path().join("statement.pdf");
    let saved = app
        .document_save(
            &DocumentRequest::Statement { patient: child },
            Some(dir.path()),
        )
        .await
        .unwrap();
    std::fs::rename(&saved, &out).unwrap();
    let text = text_of(&out);
    for want in [
        "Maple Street Dental",
        "Ivana Horváthová",
        "12 Birch Lane",
        "Springfield, IL 62704",
        "Дмитрий Иванов",
        "D2391",
        "$200.00",
        "$110.00",
        "card ending 4242",
        "$260.00",
    ] {
        assert!(text.contains(want), "statement lacks {want:?}:\n{text}");
    }
    let sent = app.statements_sent(parent).await.unwrap();
    assert_eq!(sent.len(), 1, "saving keeps the statement as sent");
    assert_eq!(sent[0].amount_due_cents, 26_000);
    let copy = app.statement_copy(sent[0].id).await.unwrap();
    assert_eq!(
        copy,
        std::fs::read(&out).unwrap(),
        "a reprint is the same document"
    );

    // A second guarantor owing $3 (under the $5 minimum) and a third owing $65.
    let small = app
        .create_patient(&draft("Small", "Sam", "1990-01-01"))
        .await
        .unwrap()
        .patient
        .id;
    let big = app
        .create_patient(&draft("Larsen", "Bo", "1985-01-01"))
        .await
        .unwrap()
        .patient
        .id;
    let v = app.add_treatment(big, &item("D0120", "")).await.unwrap();
    app.complete_treatment(big, v.items[0].id, "2026-11-24")
        .await
        .unwrap();
    let v = app
        .add_treatment(small, &item("BTX-UNIT", ""))
        .await
        .unwrap();
    app.complete_treatment(small, v.items[0].id, "2026-11-24")
        .await
        .unwrap();
    app.take_payment(&PaymentDraft {
        patient_id: small,
        date: String::new(),
        amount_cents: 900,
        method: PaymentMethod::Cash,
        note: String::new(),
        charges: vec![],
    })
    .await
    .unwrap();

    let opts = RunOptions {
        min_balance_cents: Some(500),
        skip_days: Some(28),
    };
    let (dry, pdf) = app.run_statements(&opts, true).await.unwrap();
    assert!(pdf.is_none());
    assert_eq!(dry.run_id, None);
    let who: Vec<i64> = dry.statements.iter().map(|s| s.guarantor_id).collect();
    assert_eq!(who, vec![big], "over the minimum, no statement in 28 days");
    assert!(
        app.statement_runs().await.unwrap().is_empty(),
        "a dry run records nothing"
    );

    let (run, pdf) = app.run_statements(&opts, false).await.unwrap();
    let run_id = run.run_id.expect("recorded");
    let text = pdf_text(&pdf.unwrap());
    assert!(text.contains("Bo Larsen") && text.contains("$65.00"));
    let runs = app.statement_runs().await.unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(
        (runs[0].statement_count, runs[0].total_due_cents),
        (1, 6_500)
    );
    assert_eq!(runs[0].actor, frontdesk_acceptance::ADMIN);
    assert_eq!(
        app.statements_of_run(run_id).await.unwrap()[0].guarantor_id,
        big
    );
    let (again, _) = app.run_statements(&opts, true).await.unwrap();
    assert!(
        again.statements.is_empty(),
        "statements sent today are skipped"
    );

    let e = app
        .run_statements(
            &RunOptions {
                min_balance_cents: Some(-1),
                skip_days: None,
            },
            false,
        )
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "min_balance_cents");
    app.close().await;
}

#[tokio::test]
async fn the_walkout_receipt_and_tomorrows_checkin_packets() {
    let (_dir, app, _) = office().await;
    let (parent, child) = family(&app).await;
    let exam = type_id(&app, "Filling").await;
    app.book_appointment(&filling(exam, child, "2026-11-25", "09:00"))
        .await
        .unwrap();
    let mei = app
        .create_patient(&draft("王", "小明", "1992-08-09"))
        .await
        .unwrap()
        .patient
        .id;
    app.book_appointment(&filling(exam, mei, "2026-11-25", "10:00"))
        .await
        .unwrap();

    let receipt = pdf_text(&app.walkout_receipt(child).await.unwrap());
    for want in [
        "Walkout receipt",
        "Дмитрий Иванов",
        "D2391",
        "$200.00",
        "4242",
        "11/25/2026",
    ] {
        assert!(receipt.contains(want), "receipt lacks {want:?}:\n{receipt}");
    }
    let parent_receipt = pdf_text(&app.walkout_receipt(parent).await.unwrap());
    assert!(parent_receipt.contains("No next appointment"));

    let packet = pdf_text(&app.checkin_packets_for_day("2026-11-25").await.unwrap());
    for want in [
        "Дмитрий Иванов",
        "小明 王",
        "Maple Street Dental",
        "HIPAA",
        "Financial",
    ] {
        assert!(packet.contains(want), "packet lacks {want:?}");
    }
    assert!(
        packet.contains("Ivana Horváthová"),
        "the child's guarantor is on his registration form"
    );
    // Saved under the parsed ISO date: the typed slashes make no folders.
    let out = tempfile::tempdir().unwrap();
    let saved = app
        .document_save(
            &DocumentRequest::CheckinDay {
                date: "11/25/2026".into(),
            },
            Some(out.path()),
        )
        .await
        .unwrap();
    assert_eq!(saved, out.path().join("checkin-day-2026-11-25.pdf"));
    assert_eq!(files_under(out.path()), vec![saved.clone()]);
    let e = app.checkin_packets_for_day("2026-11-29").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound, "nobody booked on Sunday");
    let e = app.checkin_packets_for_day("2026-13-01").await.unwrap_err();
    assert_eq!(e.fields[0].field, "date");
    app.close().await;
}

#[tokio::test]
async fn a_refused_print_keeps_nothing_and_a_statement_reaches_the_cups_queue() {
    let (_dir, app, _) = office().await;
    let (parent, _) = family(&app).await;
    let req = DocumentRequest::Statement { patient: parent };
    let e = app
        .document_print(
            &req,
            &PrintOptions {
                printer: Some("No Such Printer".into()),
                copies: 1,
                duplex: false,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Printer);
    let e = app
        .document_print(
            &req,
            &PrintOptions {
                copies: 0,
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "copies");
    assert!(app.statements_sent(parent).await.unwrap().is_empty());

    let out_dir =
        std::env::var("CUPS_PDF_OUT").unwrap_or_else(|_| "/var/spool/cups-pdf/root".into());
    let out_dir = Path::new(&out_dir);
    std::fs::create_dir_all(out_dir).ok();
    let before = files_under(out_dir);
    let printed = app
        .document_print(
            &req,
            &PrintOptions {
                printer: Some("PDF".into()),
                copies: 1,
                duplex: true,
            },
        )
        .await
        .unwrap();
    assert_eq!(printed.outcome.printer, "PDF");
    assert!(
        printed.statement_id.is_some(),
        "a printed statement is kept"
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    let new_file = loop {
        let now: Vec<_> = files_under(out_dir)
            .into_iter()
            .filter(|f| !before.contains(f))
            .collect();
        if let Some(f) = now.first() {
            std::thread::sleep(Duration::from_millis(500));
            break f.clone();
        }
        assert!(
            Instant::now() < deadline,
            "no job output in {}",
            out_dir.display()
        );
        std::thread::sleep(Duration::from_millis(250));
    };
    let text = text_of(&new_file);
    std::fs::remove_file(&new_file).ok();
    assert!(
        text.contains("Ivana Horváthová"),
        "printed statement text:\n{text}"
    );
    app.close().await;
}
