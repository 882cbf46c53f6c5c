/**
 * The schema, as numbered migrations applied in order inside one transaction each and recorded in
 * `schema_migrations`. Never edit a released migration: add the next one. SQL stays within what
 * PostgreSQL 15 also accepts (plain types, no SQLite-only syntax beyond AUTOINCREMENT's equivalent),
 * so a PostgreSQL store can follow with the same tables.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, incidents, audit trail, idempotency keys',
    sql: `
      CREATE TABLE users (
        username TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX sessions_expiry ON sessions(expires_at);
      CREATE TABLE kiosk_links (
        token_hash TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        revoked_at BIGINT
      );
      CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        category TEXT NOT NULL,
        priority INTEGER NOT NULL,
        district INTEGER NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        record TEXT NOT NULL
      );
      CREATE INDEX incidents_status ON incidents(status, priority, created_at);
      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        incident_id TEXT NOT NULL,
        action TEXT NOT NULL,
        actor_kind TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        actor_role TEXT NOT NULL,
        at BIGINT NOT NULL,
        recorded_at BIGINT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        version INTEGER NOT NULL,
        team_id TEXT,
        note TEXT
      );
      CREATE INDEX audit_incident ON audit(incident_id, seq);
      CREATE TABLE idempotency (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (scope, key)
      );
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'history: vital signs per minute, flood accumulators per day, road-closure notices',
    sql: `
      CREATE TABLE vitals_minutes (
        t BIGINT PRIMARY KEY,
        vals TEXT NOT NULL
      );
      CREATE TABLE flood_days (
        day TEXT PRIMARY KEY,
        vals TEXT NOT NULL
      );
      CREATE TABLE closures (
        id TEXT PRIMARY KEY,
        underpass_slot INTEGER NOT NULL,
        issued_at BIGINT NOT NULL,
        lifted_at BIGINT,
        record TEXT NOT NULL
      );
      CREATE INDEX closures_issued ON closures(issued_at);
      CREATE INDEX incidents_created ON incidents(created_at);
      CREATE INDEX audit_at ON audit(at);
    `,
  },
  {
    version: 3,
    name: 'ingest: readings from outside, one row per (asset, measure, time) so a repeat is a duplicate',
    sql: `
      CREATE TABLE readings (
        kind TEXT NOT NULL,
        asset_id TEXT NOT NULL,
        measure TEXT NOT NULL,
        t BIGINT NOT NULL,
        v REAL NOT NULL,
        source TEXT NOT NULL,
        received_at BIGINT NOT NULL,
        PRIMARY KEY (kind, asset_id, measure, t)
      ) WITHOUT ROWID;
      CREATE INDEX readings_received ON readings(received_at);
    `,
  },
  {
    version: 4,
    name: 'alarms as records: each alarm\'s current state (active/cleared × acknowledged) and every change with its time and who',
    sql: `
      CREATE TABLE alarms (
        id TEXT PRIMARY KEY,
        rule_id TEXT NOT NULL,
        asset_kind TEXT NOT NULL,
        asset_id TEXT NOT NULL,
        state TEXT NOT NULL,
        acknowledged INTEGER NOT NULL,
        raised_at BIGINT NOT NULL,
        cleared_at BIGINT,
        acked_at BIGINT,
        acked_by TEXT,
        record TEXT NOT NULL
      );
      CREATE INDEX alarms_raised ON alarms(raised_at, id);
      CREATE INDEX alarms_state ON alarms(state);
      CREATE TABLE alarm_changes (
        seq INTEGER PRIMARY KEY,
        alarm_id TEXT NOT NULL,
        action TEXT NOT NULL,
        at BIGINT NOT NULL,
        recorded_at BIGINT NOT NULL,
        actor TEXT,
        note TEXT,
        rule_id TEXT NOT NULL,
        alarm_trigger TEXT NOT NULL,
        asset_kind TEXT NOT NULL,
        asset_id TEXT NOT NULL,
        severity TEXT NOT NULL,
        value DOUBLE PRECISION,
        unit TEXT NOT NULL,
        threshold DOUBLE PRECISION,
        late INTEGER NOT NULL
      );
      CREATE INDEX alarm_changes_alarm ON alarm_changes(alarm_id, seq);
    `,
  },
  {
    version: 5,
    name: 'asset registry: every asset of every kind with its slot, names, district, position or line, thresholds and attributes',
    sql: `
      CREATE TABLE assets (
        kind TEXT NOT NULL,
        slot INTEGER NOT NULL,
        id TEXT NOT NULL,
        name TEXT,
        name_en TEXT,
        district TEXT NOT NULL,
        lon DOUBLE PRECISION NOT NULL,
        lat DOUBLE PRECISION NOT NULL,
        line TEXT,
        thresholds TEXT NOT NULL,
        attributes TEXT NOT NULL,
        simulator TEXT,
        PRIMARY KEY (kind, id)
      );
      CREATE UNIQUE INDEX assets_slot ON assets(kind, slot);
      CREATE TABLE asset_registry (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        state TEXT NOT NULL
      );
    `,
  },
  {
    version: 6,
    name: 'SensorThings cursors: per server and Datastream, the phenomenonTime its polling has read up to',
    sql: `
      CREATE TABLE sensorthings_cursors (
        server TEXT NOT NULL,
        datastream TEXT NOT NULL,
        last_start BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (server, datastream)
      );
    `,
  },
  {
    version: 7,
    name: 'asset registry: the outline of an area kind (a residential compound), as JSON',
    sql: `
      ALTER TABLE assets ADD COLUMN area TEXT;
    `,
  },
  {
    version: 8,
    name: 'outbound webhooks: the receivers, the outbox of events, and one delivery per event and receiver until acknowledged',
    sql: `
      CREATE TABLE webhooks (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        secret TEXT NOT NULL,
        events TEXT NOT NULL,
        origin TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE webhook_events (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE webhook_deliveries (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES webhook_events(id),
        webhook_id TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at BIGINT NOT NULL,
        delivered_at BIGINT,
        last_error TEXT
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries(delivered_at, next_attempt_at);
    `,
  },
  {
    version: 9,
    name: 'CAP warnings: every received CAP alert with its key (sender,identifier,sent), state, expiry and what ended it',
    sql: `
      CREATE TABLE cap_warnings (
        seq INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        identifier TEXT NOT NULL,
        sender TEXT NOT NULL,
        sent TEXT NOT NULL,
        msg_type TEXT NOT NULL,
        alert TEXT NOT NULL,
        state TEXT NOT NULL,
        expires_at BIGINT,
        ended_by TEXT,
        ended_at BIGINT,
        received_at BIGINT NOT NULL,
        source TEXT NOT NULL
      );
      CREATE INDEX cap_warnings_state ON cap_warnings(state, seq);
    `,
  },
  {
    version: 10,
    name: 'case flow (GB/T 30428): each incident\'s rework count and the time of its last passing check; older incidents were never checked',
    sql: `
      ALTER TABLE incidents ADD COLUMN rework_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE incidents ADD COLUMN verified_at BIGINT;
    `,
  },
  {
    version: 11,
    name: 'outbound webhooks: deliveries by event, so a closure notice\'s state is read without a scan (the wall shows it)',
    sql: `
      CREATE INDEX webhook_deliveries_event ON webhook_deliveries(event_id);
    `,
  },
  {
    version: 12,
    name: 'service requests (incidents reported from outside) by time, for Open311\'s GET requests: a partial index on the record\'s source',
    sql: `
      CREATE INDEX incidents_service_requests ON incidents(created_at) WHERE record LIKE '%"source":"external"%';
    `,
  },
];
