//! Store errors. Messages never contain values (they may be PHI).

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The key does not open this database (SQLite: "file is not a database", code 26).
    #[error("the database key is wrong, or the file is not a FrontDesk database")]
    WrongKey,
    #[error("no database at that location")]
    Missing,
    #[error("that chart number is already used by another patient")]
    DuplicateChartNumber,
    #[error("no such {0}")]
    NotFound(&'static str),
    /// Someone changed the record since it was read.
    #[error("the record was changed by someone else since it was opened")]
    Stale,
    #[error("{0}")]
    FamilyRule(&'static str),
    /// The action is not allowed in the record's present state (e.g. claiming a procedure twice).
    #[error("{0}")]
    Refused(&'static str),
    /// A stored value could not be read back (names the kind of value, never the value).
    #[error("a stored {0} could not be read")]
    Corrupt(&'static str),
    #[error("database error: {0}")]
    Sqlx(#[source] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        if is_not_a_database(&e) {
            return StoreError::WrongKey;
        }
        if let sqlx::Error::Database(db) = &e {
            if db.message().contains("patients.chart_number") {
                return StoreError::DuplicateChartNumber;
            }
        }
        StoreError::Sqlx(e)
    }
}

fn is_not_a_database(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            db.code().as_deref() == Some("26") || db.message().contains("file is not a database")
        }
        _ => false,
    }
}
