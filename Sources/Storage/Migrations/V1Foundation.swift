import GRDB

/// The first schema: metadata, key slots, users, sessions, patients.
enum V1Foundation {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meta (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );
            CREATE TABLE key_slots (
                id BLOB PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('passphrase', 'keyfile', 'recovery')),
                salt BLOB NOT NULL,
                ops_limit INTEGER NOT NULL,
                mem_limit INTEGER NOT NULL,
                wrapped_key BLOB NOT NULL,
                created_at DATETIME NOT NULL
            );
            CREATE TABLE users (
                id BLOB PRIMARY KEY NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('admin', 'doctor', 'assistant')),
                login TEXT NOT NULL COLLATE NOCASE UNIQUE,
                password_hash TEXT NOT NULL,
                display_name_enc BLOB NOT NULL,
                version INTEGER NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
                created_at DATETIME NOT NULL,
                updated_at DATETIME NOT NULL
            );
            CREATE INDEX users_role_status ON users(role, status);
            CREATE TABLE sessions (
                id BLOB PRIMARY KEY NOT NULL,
                token_hash BLOB NOT NULL UNIQUE,
                user_id BLOB NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                csrf TEXT NOT NULL,
                created_at DATETIME NOT NULL,
                expires_at DATETIME NOT NULL,
                ip TEXT,
                user_agent TEXT
            );
            CREATE INDEX sessions_user ON sessions(user_id);
            CREATE INDEX sessions_expires ON sessions(expires_at);
            CREATE TABLE patients (
                id BLOB PRIMARY KEY NOT NULL,
                owner_id BLOB NOT NULL REFERENCES users(id),
                dek BLOB NOT NULL,
                first_name_enc BLOB NOT NULL,
                last_name_enc BLOB NOT NULL,
                middle_name_enc BLOB,
                phone_enc BLOB,
                birth_date_enc BLOB,
                sex_enc BLOB,
                address_enc BLOB,
                national_id_enc BLOB,
                notes_enc BLOB,
                version INTEGER NOT NULL,
                created_at DATETIME NOT NULL,
                updated_at DATETIME NOT NULL,
                deleted_at DATETIME
            );
            CREATE INDEX patients_owner_created ON patients(owner_id, created_at);
            """)
    }
}
