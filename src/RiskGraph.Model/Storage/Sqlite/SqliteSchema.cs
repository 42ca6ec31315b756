using RiskGraph.Model.Domain;
using RiskGraph.Model.Import;
using RiskGraph.Model.Security;

namespace RiskGraph.Model.Storage.Sqlite;

/// <summary>The embedded store's tables and the mapping of each domain record type onto one of them.</summary>
internal static class SqliteSchema
{
    public const string CreateSql = """
        CREATE TABLE IF NOT EXISTS enterprise (
            uscc TEXT PRIMARY KEY, registration_no TEXT, name TEXT NOT NULL, industry TEXT NOT NULL,
            region TEXT NOT NULL, founded TEXT, registered_capital REAL NOT NULL, status TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS enterprise_industry ON enterprise (industry);
        CREATE INDEX IF NOT EXISTS enterprise_region ON enterprise (region);
        CREATE TABLE IF NOT EXISTS person (
            person_key TEXT PRIMARY KEY, display_name TEXT NOT NULL, masked_id TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS legal_representative (
            person_key TEXT NOT NULL, uscc TEXT NOT NULL, PRIMARY KEY (uscc, person_key)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS legal_representative_person ON legal_representative (person_key);
        CREATE TABLE IF NOT EXISTS executive (
            person_key TEXT NOT NULL, uscc TEXT NOT NULL, title TEXT NOT NULL, PRIMARY KEY (uscc, person_key, title)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS executive_person ON executive (person_key);
        CREATE TABLE IF NOT EXISTS shareholding (
            holder_kind TEXT NOT NULL, holder_key TEXT NOT NULL, uscc TEXT NOT NULL, share REAL NOT NULL,
            PRIMARY KEY (uscc, holder_key)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS shareholding_holder ON shareholding (holder_key);
        CREATE TABLE IF NOT EXISTS supply_link (
            supplier_uscc TEXT NOT NULL, buyer_uscc TEXT NOT NULL, annual_amount REAL NOT NULL,
            PRIMARY KEY (supplier_uscc, buyer_uscc)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS supply_link_buyer ON supply_link (buyer_uscc);
        CREATE TABLE IF NOT EXISTS guarantee (
            guarantor_uscc TEXT NOT NULL, guaranteed_uscc TEXT NOT NULL, amount REAL NOT NULL,
            PRIMARY KEY (guarantor_uscc, guaranteed_uscc)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS guarantee_guaranteed ON guarantee (guaranteed_uscc);
        CREATE TABLE IF NOT EXISTS penalty (
            record_id TEXT PRIMARY KEY, uscc TEXT NOT NULL, kind TEXT NOT NULL, amount REAL NOT NULL,
            decision_date TEXT NOT NULL, publication_date TEXT NOT NULL, department TEXT NOT NULL, catalogue_item TEXT) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS penalty_uscc ON penalty (uscc);
        CREATE TABLE IF NOT EXISTS list_entry (
            record_id TEXT PRIMARY KEY, uscc TEXT NOT NULL, list_type TEXT NOT NULL, valid_from TEXT NOT NULL,
            valid_to TEXT, department TEXT NOT NULL, legal_basis TEXT, catalogue_item TEXT) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS list_entry_uscc ON list_entry (uscc);
        CREATE TABLE IF NOT EXISTS risk_label (uscc TEXT PRIMARY KEY, risky INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS commitment (
            commitment_id TEXT PRIMARY KEY, uscc TEXT NOT NULL, type TEXT NOT NULL, matter TEXT NOT NULL, made_on TEXT NOT NULL,
            fulfilment TEXT NOT NULL, department TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS commitment_uscc ON commitment (uscc);
        CREATE TABLE IF NOT EXISTS credit_repair (
            repair_id TEXT PRIMARY KEY, record_id TEXT NOT NULL, method TEXT NOT NULL, decided_by TEXT NOT NULL,
            reason TEXT NOT NULL, decided_at TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS credit_repair_record ON credit_repair (record_id);
        CREATE TABLE IF NOT EXISTS objection (
            objection_id TEXT PRIMARY KEY, record_id TEXT NOT NULL, filed_by TEXT NOT NULL, reason TEXT NOT NULL,
            filed_at TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS objection_record ON objection (record_id);
        CREATE TABLE IF NOT EXISTS objection_outcome (
            objection_id TEXT PRIMARY KEY, result TEXT NOT NULL, decided_by TEXT NOT NULL, note TEXT NOT NULL,
            decided_at TEXT NOT NULL, corrected_kind TEXT, corrected_amount REAL, corrected_decision_date TEXT,
            corrected_publication_date TEXT, corrected_valid_from TEXT, corrected_valid_to TEXT) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS change_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, record_type TEXT NOT NULL, rows INTEGER NOT NULL, keys TEXT);
        CREATE TABLE IF NOT EXISTS api_key (
            name TEXT PRIMARY KEY, key_id TEXT NOT NULL UNIQUE, secret_hash TEXT NOT NULL, role TEXT NOT NULL,
            department TEXT NOT NULL, region_scope TEXT, created_at TEXT NOT NULL, expires_on TEXT, revoked_at TEXT) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS inspection (
            inspection_id TEXT PRIMARY KEY, uscc TEXT NOT NULL, inspected_on TEXT NOT NULL, outcome TEXT NOT NULL,
            department TEXT NOT NULL, inspectors TEXT NOT NULL, note TEXT, plan_id TEXT) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS inspection_uscc ON inspection (uscc);
        CREATE TABLE IF NOT EXISTS person_list_entry (
            record_id TEXT PRIMARY KEY, person_key TEXT NOT NULL, list_type TEXT NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT,
            department TEXT NOT NULL, legal_basis TEXT) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS person_list_entry_person ON person_list_entry (person_key);
        """;

    private static readonly Dictionary<Type, object> Tables = new()
    {
        [typeof(Enterprise)] = new SqliteTable<Enterprise>(
            "enterprise",
            ["uscc", "registration_no", "name", "industry", "region", "founded", "registered_capital", "status"],
            ["uscc"],
            e => [e.Uscc, SqliteValues.Text(e.RegistrationNo), e.Name, e.Industry, e.Region, SqliteValues.Date(e.Founded),
                  e.RegisteredCapital, e.Status.Name()],
            r => new Enterprise(r.GetString(0), r.ReadNullableText(1), r.GetString(2), r.GetString(3), r.GetString(4),
                  r.ReadNullableDate(5), r.GetDouble(6), ParseStatus(r.GetString(7)))),
        [typeof(Person)] = new SqliteTable<Person>(
            "person", ["person_key", "display_name", "masked_id"], ["person_key"],
            p => [p.PersonKey, p.DisplayName, p.MaskedId],
            r => new Person(r.GetString(0), r.GetString(1), r.GetString(2))),
        [typeof(LegalRepresentative)] = new SqliteTable<LegalRepresentative>(
            "legal_representative", ["person_key", "uscc"], ["uscc", "person_key"],
            l => [l.PersonKey, l.Uscc],
            r => new LegalRepresentative(r.GetString(0), r.GetString(1))) { Removable = true },
        [typeof(Executive)] = new SqliteTable<Executive>(
            "executive", ["person_key", "uscc", "title"], ["uscc", "person_key", "title"],
            x => [x.PersonKey, x.Uscc, x.Title],
            r => new Executive(r.GetString(0), r.GetString(1), r.GetString(2))) { Removable = true },
        [typeof(Shareholding)] = new SqliteTable<Shareholding>(
            "shareholding", ["holder_kind", "holder_key", "uscc", "share"], ["uscc", "holder_key"],
            s => [s.HolderKind.Name(), s.HolderKey, s.Uscc, s.Share],
            r => new Shareholding(ParseHolder(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetDouble(3))) { Removable = true },
        [typeof(SupplyLink)] = new SqliteTable<SupplyLink>(
            "supply_link", ["supplier_uscc", "buyer_uscc", "annual_amount"], ["supplier_uscc", "buyer_uscc"],
            s => [s.SupplierUscc, s.BuyerUscc, s.AnnualAmount],
            r => new SupplyLink(r.GetString(0), r.GetString(1), r.GetDouble(2))) { Removable = true },
        [typeof(Guarantee)] = new SqliteTable<Guarantee>(
            "guarantee", ["guarantor_uscc", "guaranteed_uscc", "amount"], ["guarantor_uscc", "guaranteed_uscc"],
            g => [g.GuarantorUscc, g.GuaranteedUscc, g.Amount],
            r => new Guarantee(r.GetString(0), r.GetString(1), r.GetDouble(2))) { Removable = true },
        [typeof(Penalty)] = new SqliteTable<Penalty>(
            "penalty", ["record_id", "uscc", "kind", "amount", "decision_date", "publication_date", "department", "catalogue_item"], ["record_id"],
            p => [p.RecordId, p.Uscc, p.Kind.Name(), p.Amount, SqliteValues.Date(p.DecisionDate), SqliteValues.Date(p.PublicationDate),
                  p.Department, SqliteValues.Text(p.CatalogueItem)],
            r => new Penalty(r.GetString(0), r.GetString(1), ParsePenalty(r.GetString(2)), r.GetDouble(3), r.ReadDate(4), r.ReadDate(5),
                  r.GetString(6), r.ReadNullableText(7))),
        [typeof(ListEntry)] = new SqliteTable<ListEntry>(
            "list_entry", ["record_id", "uscc", "list_type", "valid_from", "valid_to", "department", "legal_basis", "catalogue_item"], ["record_id"],
            l => [l.RecordId, l.Uscc, l.ListType.Name(), SqliteValues.Date(l.ValidFrom), SqliteValues.Date(l.ValidTo), l.Department,
                  SqliteValues.Text(l.LegalBasis), SqliteValues.Text(l.CatalogueItem)],
            r => new ListEntry(r.GetString(0), r.GetString(1), ParseList(r.GetString(2)), r.ReadDate(3), r.ReadNullableDate(4),
                  r.GetString(5), r.ReadNullableText(6), r.ReadNullableText(7))),
        [typeof(RiskLabel)] = new SqliteTable<RiskLabel>(
            "risk_label", ["uscc", "risky"], ["uscc"],
            l => [l.Uscc, l.Risky ? 1 : 0],
            r => new RiskLabel(r.GetString(0), r.GetInt64(1) != 0)),
        [typeof(Commitment)] = new SqliteTable<Commitment>(
            "commitment", ["commitment_id", "uscc", "type", "matter", "made_on", "fulfilment", "department"], ["commitment_id"],
            c => [c.CommitmentId, c.Uscc, c.Type.Name(), c.Matter, SqliteValues.Date(c.MadeOn), c.Fulfilment.Name(), c.Department],
            r => new Commitment(r.GetString(0), r.GetString(1), Parse<CommitmentType>(r.GetString(2), DomainNames.TryParse), r.GetString(3),
                  r.ReadDate(4), Parse<Fulfilment>(r.GetString(5), DomainNames.TryParse), r.GetString(6))),
        [typeof(CreditRepair)] = new SqliteTable<CreditRepair>(
            "credit_repair", ["repair_id", "record_id", "method", "decided_by", "reason", "decided_at"], ["repair_id"],
            c => [c.RepairId, c.RecordId, c.Method.Name(), c.DecidedBy, c.Reason, SqliteValues.Instant(c.DecidedAt)],
            r => new CreditRepair(r.GetString(0), r.GetString(1), Parse<RepairMethod>(r.GetString(2), DomainNames.TryParse), r.GetString(3),
                  r.GetString(4), r.ReadInstant(5)),
            onceColumn: "record_id", onceOrder: "decided_at"),
        [typeof(Objection)] = new SqliteTable<Objection>(
            "objection", ["objection_id", "record_id", "filed_by", "reason", "filed_at"], ["objection_id"],
            o => [o.ObjectionId, o.RecordId, o.FiledBy, o.Reason, SqliteValues.Instant(o.FiledAt)],
            r => new Objection(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.ReadInstant(4))),
        [typeof(ObjectionOutcome)] = new SqliteTable<ObjectionOutcome>(
            "objection_outcome",
            ["objection_id", "result", "decided_by", "note", "decided_at", "corrected_kind", "corrected_amount", "corrected_decision_date",
             "corrected_publication_date", "corrected_valid_from", "corrected_valid_to"], ["objection_id"],
            o => [o.ObjectionId, o.Result.Name(), o.DecidedBy, o.Note, SqliteValues.Instant(o.DecidedAt),
                  SqliteValues.Text(o.Correction?.Kind?.Name()), o.Correction?.Amount is { } amount ? amount : DBNull.Value,
                  SqliteValues.Date(o.Correction?.DecisionDate), SqliteValues.Date(o.Correction?.PublicationDate),
                  SqliteValues.Date(o.Correction?.ValidFrom), SqliteValues.Date(o.Correction?.ValidTo)],
            r => new ObjectionOutcome(r.GetString(0), Parse<ObjectionResult>(r.GetString(1), DomainNames.TryParse), r.GetString(2),
                  r.GetString(3), r.ReadInstant(4), ReadCorrection(r)),
            onceColumn: "objection_id"),
        [typeof(ApiKey)] = new SqliteTable<ApiKey>(
            "api_key", ["name", "key_id", "secret_hash", "role", "department", "region_scope", "created_at", "expires_on", "revoked_at"], ["name"],
            k => [k.Name, k.KeyId, k.SecretHash, k.Role.Name(), k.Department, SqliteValues.Text(k.RegionScope), SqliteValues.Instant(k.CreatedAt),
                  SqliteValues.Date(k.ExpiresOn), k.RevokedAt is { } at ? SqliteValues.Instant(at) : DBNull.Value],
            r => new ApiKey(r.GetString(0), r.GetString(1), r.GetString(2), Parse<ApiRole>(r.GetString(3), ApiRoles.TryParse), r.GetString(4),
                  r.ReadNullableText(5), r.ReadInstant(6), r.ReadNullableDate(7), r.IsDBNull(8) ? null : r.ReadInstant(8))),
        [typeof(Inspection)] = new SqliteTable<Inspection>(
            "inspection", ["inspection_id", "uscc", "inspected_on", "outcome", "department", "inspectors", "note", "plan_id"], ["inspection_id"],
            i => [i.InspectionId, i.Uscc, SqliteValues.Date(i.InspectedOn), i.Outcome.Name(), i.Department, i.Inspectors,
                  SqliteValues.Text(i.Note), SqliteValues.Text(i.PlanId)],
            r => new Inspection(r.GetString(0), r.GetString(1), r.ReadDate(2), Parse<InspectionOutcome>(r.GetString(3), DomainNames.TryParse),
                  r.GetString(4), r.GetString(5), r.ReadNullableText(6), r.ReadNullableText(7))),
        [typeof(PersonListEntry)] = new SqliteTable<PersonListEntry>(
            "person_list_entry", ["record_id", "person_key", "list_type", "valid_from", "valid_to", "department", "legal_basis"], ["record_id"],
            l => [l.RecordId, l.PersonKey, l.ListType.Name(), SqliteValues.Date(l.ValidFrom), SqliteValues.Date(l.ValidTo), l.Department,
                  SqliteValues.Text(l.LegalBasis)],
            r => new PersonListEntry(r.GetString(0), r.GetString(1), Parse<PersonListType>(r.GetString(2), DomainNames.TryParse), r.ReadDate(3),
                  r.ReadNullableDate(4), r.GetString(5), r.ReadNullableText(6))),
    };

    /// <summary>Columns added after a table's first release: stores created before them get them on initialisation.</summary>
    public static readonly (string Table, string Column, string Type)[] AddedColumns =
    [
        ("penalty", "catalogue_item", "TEXT"), ("list_entry", "legal_basis", "TEXT"), ("list_entry", "catalogue_item", "TEXT"),
        ("objection_outcome", "corrected_kind", "TEXT"), ("objection_outcome", "corrected_amount", "REAL"),
        ("objection_outcome", "corrected_decision_date", "TEXT"), ("objection_outcome", "corrected_publication_date", "TEXT"),
        ("objection_outcome", "corrected_valid_from", "TEXT"), ("objection_outcome", "corrected_valid_to", "TEXT"),
    ];

    public static SqliteTable<T> For<T>() where T : class =>
        Tables.TryGetValue(typeof(T), out object? table)
            ? (SqliteTable<T>)table
            : throw new NotSupportedException($"{typeof(T).Name} is not stored in the embedded store.");

    // Outcomes stored before corrections carried values read back with none (all columns null).
    private static RecordCorrection? ReadCorrection(Microsoft.Data.Sqlite.SqliteDataReader r)
    {
        var correction = new RecordCorrection(
            r.IsDBNull(5) ? null : ParsePenalty(r.GetString(5)), r.IsDBNull(6) ? null : r.GetDouble(6), r.ReadNullableDate(7),
            r.ReadNullableDate(8), r.ReadNullableDate(9), r.ReadNullableDate(10));
        return correction.IsEmpty ? null : correction;
    }

    private static EnterpriseStatus ParseStatus(string text) => DomainNames.TryParse(text, out EnterpriseStatus v) ? v : throw Corrupt(text);
    private static HolderKind ParseHolder(string text) => DomainNames.TryParse(text, out HolderKind v) ? v : throw Corrupt(text);
    private static PenaltyKind ParsePenalty(string text) => DomainNames.TryParse(text, out PenaltyKind v) ? v : throw Corrupt(text);
    private static ListType ParseList(string text) => DomainNames.TryParse(text, out ListType v) ? v : throw Corrupt(text);

    private static T Parse<T>(string text, TryParser<T> tryParse) => tryParse(text, out T value) ? value : throw Corrupt(text);

    private static InvalidDataException Corrupt(string text) => new($"The embedded store holds an unknown value '{text}'.");
}
