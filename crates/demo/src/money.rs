//! Demo money: packages on the office list, some payments on the demo accounts (cash, card,
//! check; some partial, so balances and aging show), an older unpaid visit (over 90 days), a
//! payment plan and a package sold with a session used.
use frontdesk_domain::money::Cents;
use frontdesk_domain::PatientId;
use frontdesk_ledger::PaymentMethod;
use frontdesk_store::ledger::entries;

use frontdesk_app::money::ledger_postings::PaymentDraft;
use frontdesk_app::money::payment_plans::PaymentPlanDraft;
use frontdesk_app::{App, AppError};

pub async fn load_demo_money(app: &App, heads: &[PatientId]) -> Result<usize, AppError> {
    let laser = app
        .add_package("Laser hair removal — 3 sessions", 3, 90_000)
        .await?;
    app.add_package("Botox membership — 4 visits", 4, 120_000)
        .await?;
    let mut paid = 0;
    for (n, &g) in heads.iter().enumerate() {
        let balance = entries::balance(app.db(), g).await?.0;
        if balance <= 0 {
            continue;
        }
        let method = match n % 3 {
            0 => PaymentMethod::Cash,
            1 => PaymentMethod::Card {
                last_four: format!("{:04}", 1000 + (n * 37) % 9000),
            },
            _ => PaymentMethod::Check {
                number: format!("{}", 1000 + n),
            },
        };
        // Every other account pays in full, every fourth half, the rest nothing yet.
        let amount = match n % 4 {
            0 | 2 => balance,
            1 => balance / 2,
            _ => continue,
        };
        app.take_payment(&PaymentDraft {
            patient_id: g,
            date: String::new(),
            amount_cents: amount,
            method,
            note: String::new(),
            charges: vec![],
        })
        .await?;
        paid += 1;
    }
    if let Some(&g) = heads.get(3) {
        let due = entries::balance(app.db(), g).await?;
        if due > Cents(300) {
            app.create_payment_plan(&PaymentPlanDraft {
                patient_id: g,
                total_cents: due.0,
                count: 3,
                first_due: (app.today() + chrono::Duration::days(14)).to_string(),
                every_months: 1,
                note: "Demo plan".into(),
            })
            .await?;
        }
    }
    if let Some(&p) = heads.get(5) {
        app.sell_package(p, laser.id).await?;
        if let Some(sale) = app.package_balances(p).await?.first() {
            app.redeem_session(sale.sale_id, None).await?;
        }
    }
    Ok(paid)
}
