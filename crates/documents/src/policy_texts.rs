//! Default texts for the check-in packet: plain-English policies an office can start from
//! (and should have its own counsel review), and the medical-history checklist.
use crate::checkin_packet::PolicyTexts;

const HIPAA: &str = "\
This office keeps a Notice of Privacy Practices that explains how your health information may be \
used and shared, and what your rights are. We use your information to treat you, to get paid for \
your care (for example, by sending claims to your dental insurance), and to run the practice \
(for example, to send appointment reminders).

You have the right to see and get a copy of your records, to ask us to correct them, to ask us to \
limit what we share, to ask us to contact you in a particular way or at a particular address, to \
get a list of certain disclosures we have made, and to get a paper copy of the notice at any time.

We will not sell your information or use it for marketing without your written permission. If you \
believe your privacy rights have been violated, you may complain to the office or to the U.S. \
Department of Health and Human Services; you will not be penalized for complaining.

By signing below you confirm that you were offered a copy of the notice. Signing does not change \
your rights.";

const FINANCIAL: &str = "\
Payment is due at the time of service. We accept cash, checks and major credit cards. Payment \
plans must be arranged before treatment begins.

Insurance: as a courtesy we will file claims with your dental insurance. Any amount we quote for \
insurance is only an estimate; your plan decides what it pays after the claim is received. You \
are responsible for your estimated portion at the time of service and for any amount your plan \
does not pay, including deductibles, frequency limits and non-covered services.

Statements: a statement is mailed each month for any balance left after insurance has paid. \
Balances are due by the date on the statement. Accounts more than 90 days past due may be \
referred for collection.

Returned checks: a fee of $35.00 is charged for each returned check, and future payments may be \
required in cash or by card.

Missed appointments: please give us at least 24 hours' notice if you need to change or cancel an \
appointment. Appointments missed or cancelled without notice may be charged a fee, and repeated \
missed appointments may limit future scheduling.

The guarantor (the adult responsible for the account) is responsible for all charges for the \
patients on the account.";

const TREATMENT: &str = "\
I authorize the dentist and the dental team to perform the examination, x-rays, cleaning and \
any other treatment we agree on in my treatment plan, including the use of local anesthetic.

The dentist has explained the proposed treatment, its expected benefits, its risks (such as \
sensitivity, soreness, swelling, bruising, numbness, infection, or the need for further \
treatment), the alternatives, including no treatment, and the approximate cost. I have had the \
chance to ask questions, and my questions were answered.

I understand that dentistry is not an exact science and that no result can be guaranteed. If an \
unexpected condition is found during treatment, I authorize the dentist to do what is reasonably \
necessary to complete the treatment safely. I may withdraw this consent at any time before \
treatment is performed.";

const PHOTO: &str = "\
As part of cosmetic treatment the office takes before and after photographs of your face, smile \
and teeth. The photos become part of your dental record and are used to plan and evaluate your \
treatment and to communicate with laboratories and specialists involved in your care.

With your permission, the office may also show photographs in which you cannot be identified by \
name in educational materials, on its website or in social media. You may withdraw this \
permission in writing at any time; this does not affect photos already published. Saying no \
does not affect your treatment.";

/// Default policy texts (HIPAA acknowledgment, financial policy, treatment and photo consents).
pub fn default_policy_texts() -> PolicyTexts {
    PolicyTexts {
        hipaa: HIPAA.to_string(),
        financial: FINANCIAL.to_string(),
        treatment_consent: TREATMENT.to_string(),
        photo_consent: PHOTO.to_string(),
    }
}

/// Default medical-history checklist.
pub fn default_conditions() -> Vec<String> {
    [
        "Heart disease or heart attack",
        "Heart murmur or artificial heart valve",
        "High blood pressure",
        "Stroke",
        "Diabetes",
        "Asthma or lung disease",
        "Bleeding disorder or anemia",
        "Taking blood thinners",
        "Hepatitis or liver disease",
        "HIV/AIDS",
        "Kidney disease",
        "Artificial joints (hip, knee)",
        "Osteoporosis (bisphosphonates)",
        "Cancer, chemotherapy or radiation",
        "Seizures or epilepsy",
        "Thyroid disease",
        "Tuberculosis",
        "Pregnancy or nursing",
        "Tobacco or vaping use",
        "Sleep apnea",
    ]
    .into_iter()
    .map(str::to_string)
    .collect()
}
