#include "storage/dossier_store.hpp"

namespace sige::storage {

using domain::Applicant;
using domain::Dossier;

namespace {

constexpr std::string_view kColumns =
    "d.id, d.organization_id, d.code, d.number, d.letters, d.year, d.type_id, d.summary, "
    "d.origin, d.reserved, d.priority, d.instrument_number, d.folios, d.volumes, "
    "d.procedure_id, d.applicant_name, d.applicant_id_type, d.applicant_id_number, "
    "d.applicant_email, d.applicant_phone, d.applicant_address, d.state, "
    "d.state_before_archive, d.registered_unit_id, d.desk_unit_id, d.custody_unit_id, "
    "d.custody_permission, d.custody_since, d.pending_transfer_id, d.created_by, "
    "d.created_at, d.updated_at, d.tracking_token, d.pin, d.annulment_requested_at, "
    "d.annulment_requested_by, d.annulment_request_reason, d.annulled_at, d.annulled_by, "
    "d.annulment_reason, d.applicant_consent";

Dossier ReadDossier(const Row& r) {
    Dossier d;
    d.id = r.GetId<DossierId>(0);
    d.organization_id = r.GetId<OrganizationId>(1);
    d.code = r.Text(2);
    d.number = r.Int(3);
    d.letters = r.Text(4);
    d.year = int(r.Int(5));
    d.type_id = r.GetId<DossierTypeId>(6);
    d.summary = r.Text(7);
    d.origin = domain::ParseOrigin(r.Text(8)).value_or(domain::Origin::kExternal);
    d.reserved = r.Bool(9);
    d.priority = domain::ParsePriority(r.Text(10)).value_or(domain::Priority::kNormal);
    d.instrument_number = r.Text(11);
    d.folios = int(r.Int(12));
    d.volumes = int(r.Int(13));
    d.procedure_id = r.OptInt(14);
    if (!r.IsNull(15)) {
        Applicant a;
        a.name = r.Text(15);
        a.id_type = domain::ParseIdType(r.Text(16)).value_or(domain::IdType::kDni);
        a.id_number = r.Text(17);
        a.email = r.Text(18);
        a.phone = r.Text(19);
        a.address = r.Text(20);
        a.consent = r.Bool(40);
        d.applicant = std::move(a);
    }
    d.state = domain::ParseDossierState(r.Text(21)).value_or(domain::DossierState::kRegistered);
    if (!r.IsNull(22)) {
        d.state_before_archive = domain::ParseDossierState(r.Text(22));
    }
    d.registered_unit_id = r.GetId<UnitId>(23);
    d.desk_unit_id = r.GetId<UnitId>(24);
    d.custody_unit_id = r.GetId<UnitId>(25);
    d.custody_permission = domain::ParsePermission(r.Text(26)).value_or(domain::Permission::kRead);
    d.custody_since = r.Time(27);
    d.pending_transfer_id = r.OptId<TransferId>(28);
    d.created_by = r.GetId<UserId>(29);
    d.created_at = r.Time(30);
    d.updated_at = r.Time(31);
    d.tracking_token = r.Text(32);
    d.pin = r.Text(33);
    d.annulment_requested_at = r.OptTime(34);
    d.annulment_requested_by = r.OptId<UserId>(35);
    d.annulment_request_reason = r.Text(36);
    d.annulled_at = r.OptTime(37);
    d.annulled_by = r.OptId<UserId>(38);
    d.annulment_reason = r.Text(39);
    return d;
}

/// The applicant's columns as bound values (all null without an applicant).
std::vector<Value> ApplicantValues(const std::optional<Applicant>& a) {
    if (!a) {
        return {Value(), Value(), Value(), Value(), Value(), Value(), Value(false)};
    }
    return {a->name,   domain::ToString(a->id_type), a->id_number, a->email, a->phone, a->address,
            a->consent};
}

std::optional<std::string> StateText(const std::optional<domain::DossierState>& s) {
    if (!s) {
        return std::nullopt;
    }
    return std::string(domain::ToString(*s));
}

}  // namespace

std::optional<Dossier> Dossiers::Find(DossierId id) {
    auto r =
        tx_.QueryOne("SELECT " + std::string(kColumns) + " FROM dossier d WHERE d.id = ?", {id});
    if (!r) {
        return std::nullopt;
    }
    return ReadDossier(*r);
}

std::optional<Dossier> Dossiers::FindByTrackingToken(const std::string& token) {
    auto r = tx_.QueryOne(
        "SELECT " + std::string(kColumns) + " FROM dossier d WHERE d.tracking_token = ?", {token});
    if (!r) {
        return std::nullopt;
    }
    return ReadDossier(*r);
}

std::vector<Dossier> Dossiers::FindByCode(const std::string& code) {
    std::vector<Dossier> out;
    for (const auto& r :
         tx_.Query("SELECT " + std::string(kColumns) + " FROM dossier d WHERE d.code = ? LIMIT 20",
                   {code})) {
        out.push_back(ReadDossier(r));
    }
    return out;
}

std::optional<Dossier> Dossiers::FindForUpdate(DossierId id) {
    auto r = tx_.QueryOne("SELECT " + std::string(kColumns) + " FROM dossier d WHERE d.id = ?" +
                              std::string(tx_.dialect().ForUpdate()),
                          {id});
    if (!r) {
        return std::nullopt;
    }
    return ReadDossier(*r);
}

DossierId Dossiers::Insert(const Dossier& d) {
    std::vector<Value> v = {d.organization_id,
                            d.code,
                            d.number,
                            d.letters,
                            d.year,
                            d.type_id,
                            d.summary,
                            domain::ToString(d.origin),
                            d.reserved,
                            domain::ToString(d.priority),
                            d.instrument_number,
                            d.folios,
                            d.volumes,
                            d.procedure_id};
    for (auto& a : ApplicantValues(d.applicant)) {
        v.push_back(std::move(a));
    }
    for (Value x : {Value(domain::ToString(d.state)), Value(StateText(d.state_before_archive)),
                    Value(d.registered_unit_id), Value(d.desk_unit_id), Value(d.custody_unit_id),
                    Value(domain::ToString(d.custody_permission)), Value(d.custody_since),
                    Value(d.pending_transfer_id), Value(d.created_by), Value(d.created_at),
                    Value(d.updated_at), Value(d.tracking_token), Value(d.pin)}) {
        v.push_back(std::move(x));
    }
    auto rows = tx_.Query(
        "INSERT INTO dossier (organization_id, code, number, letters, year, type_id, summary, "
        "origin, reserved, priority, instrument_number, folios, volumes, procedure_id, "
        "applicant_name, applicant_id_type, applicant_id_number, applicant_email, "
        "applicant_phone, applicant_address, applicant_consent, state, state_before_archive, "
        "registered_unit_id, "
        "desk_unit_id, custody_unit_id, custody_permission, custody_since, pending_transfer_id, "
        "created_by, created_at, updated_at, tracking_token, pin) VALUES (" +
            Placeholders(v.size()) + ") RETURNING id",
        v);
    return rows.front().GetId<DossierId>(0);
}

void Dossiers::Update(const Dossier& d) {
    std::vector<Value> v = {
        d.type_id,           d.summary, d.reserved, domain::ToString(d.priority),
        d.instrument_number, d.folios,  d.volumes,  d.procedure_id};
    for (auto& a : ApplicantValues(d.applicant)) {
        v.push_back(std::move(a));
    }
    for (Value x : {Value(domain::ToString(d.state)), Value(StateText(d.state_before_archive)),
                    Value(d.custody_unit_id), Value(domain::ToString(d.custody_permission)),
                    Value(d.custody_since), Value(d.pending_transfer_id), Value(d.updated_at),
                    Value(d.annulment_requested_at), Value(d.annulment_requested_by),
                    Value(d.annulment_request_reason), Value(d.annulled_at), Value(d.annulled_by),
                    Value(d.annulment_reason), Value(d.id)}) {
        v.push_back(std::move(x));
    }
    tx_.Execute(
        "UPDATE dossier SET type_id = ?, summary = ?, reserved = ?, priority = ?, "
        "instrument_number = ?, folios = ?, volumes = ?, procedure_id = ?, applicant_name = ?, "
        "applicant_id_type = ?, applicant_id_number = ?, applicant_email = ?, "
        "applicant_phone = ?, applicant_address = ?, applicant_consent = ?, state = ?, "
        "state_before_archive = ?, "
        "custody_unit_id = ?, custody_permission = ?, custody_since = ?, "
        "pending_transfer_id = ?, updated_at = ?, annulment_requested_at = ?, "
        "annulment_requested_by = ?, annulment_request_reason = ?, annulled_at = ?, "
        "annulled_by = ?, annulment_reason = ? WHERE id = ?",
        v);
}

std::int64_t Dossiers::NextNumber(OrganizationId organization, int year) {
    return NextYearNumber(tx_, "dossier_counter", organization, year);
}

bool Dossiers::IsOnRoute(DossierId dossier, const std::vector<UnitId>& units) {
    if (units.empty()) {
        return false;
    }
    std::vector<Value> v;
    v.emplace_back(dossier);
    for (auto u : units) {
        v.emplace_back(u);
    }
    for (auto u : units) {
        v.emplace_back(u);
    }
    v.emplace_back(dossier);
    for (auto u : units) {
        v.emplace_back(u);
    }
    const std::string in = Placeholders(units.size());
    auto rows = tx_.Query(
        "SELECT 1 FROM dossier WHERE id = ? AND (registered_unit_id IN (" + in +
            ") OR desk_unit_id IN (" + in +
            ")) UNION ALL SELECT 1 FROM transfer WHERE dossier_id = ? AND to_unit_id IN (" + in +
            ") AND state <> 'reverted' LIMIT 1",
        v);
    return !rows.empty();
}

DossierPage Dossiers::Search(const DossierFilter& f) {
    // The full-text condition is spliced in last, once we know how many rows match: see
    // Dialect::FullTextCondition.
    constexpr std::string_view kFullText = "@FULLTEXT@";
    std::string where = " WHERE 1 = 1";
    std::vector<Value> v;
    if (!f.q.empty()) {
        if (tx_.QueryOne("SELECT 1 FROM dossier WHERE code = ? LIMIT 1", {f.q})) {
            // A code typed whole finds its dossier (one per organisation) through the index.
            where += " AND d.code = ?";
            v.emplace_back(f.q);
        } else if (std::string fts = tx_.dialect().FullTextQuery(f.q); !fts.empty()) {
            where += " AND " + std::string(kFullText);
            v.emplace_back(fts);
        }
    }
    if (!f.states.empty()) {
        where += " AND d.state IN (" + Placeholders(f.states.size()) + ")";
        for (auto state : f.states) {
            v.emplace_back(domain::ToString(state));
        }
    }
    if (f.type) {
        where += " AND d.type_id = ?";
        v.emplace_back(*f.type);
    }
    if (f.unit) {
        where += " AND d.custody_unit_id = ?";
        v.emplace_back(*f.unit);
    }
    if (f.from) {
        where += " AND d.created_at >= ?";
        v.emplace_back(*f.from);
    }
    if (f.to) {
        where += " AND d.created_at < ?";
        v.emplace_back(*f.to);
    }
    if (f.reserved) {
        where += " AND d.reserved = ?";
        v.emplace_back(*f.reserved);
    }
    if (f.in_transit) {
        where += *f.in_transit ? " AND d.pending_transfer_id IS NOT NULL"
                               : " AND d.pending_transfer_id IS NULL";
    }
    if (f.scope) {
        if (f.scope->empty() && !f.include_public) {
            return {};
        }
        // Cheapest test first: most rows pass on their own columns, and only the rest look
        // up their transfers (through transfer_dossier), instead of every search building
        // the list of all dossiers ever sent to the unit.
        std::string route = f.include_public ? "d.reserved = 0" : "0 = 1";
        if (!f.scope->empty()) {
            const std::string in = Placeholders(f.scope->size());
            route += " OR d.registered_unit_id IN (" + in + ") OR d.desk_unit_id IN (" + in +
                     ") OR EXISTS (SELECT 1 FROM transfer t WHERE t.dossier_id = d.id AND "
                     "t.to_unit_id IN (" +
                     in + ") AND t.state <> 'reverted')";
            for (int k = 0; k < 3; ++k) {
                for (auto u : *f.scope) {
                    v.emplace_back(u);
                }
            }
        }
        where += " AND (" + route + ")";
    }
    const auto with_full_text = [&](bool walk_in_order) {
        std::string out = where;
        if (auto at = out.find(kFullText); at != std::string::npos) {
            out.replace(at, kFullText.size(), tx_.dialect().FullTextCondition(walk_in_order));
        }
        return out;
    };
    auto count = tx_.Query("SELECT COUNT(*) FROM dossier d" + with_full_text(false), v);
    DossierPage page;
    page.total = count.front().Int(0);
    // Past this many matches, walking the newest dossiers first and stopping at the page is
    // cheaper than fetching and sorting every match (measured in docs/PERFORMANCE.md).
    constexpr std::int64_t kManyMatches = 1000;
    const bool walk_in_order = f.sort == DossierFilter::Sort::kNewest && page.total > kManyMatches;
    v.emplace_back(f.per_page);
    v.emplace_back(std::int64_t(f.page - 1) * f.per_page);
    const char* order = f.sort == DossierFilter::Sort::kPriority
                            ? " ORDER BY CASE d.priority WHEN 'urgent' THEN 0 ELSE 1 END, "
                              "d.custody_since, d.id"
                            : " ORDER BY d.created_at DESC, d.id DESC";
    for (const auto& r : tx_.Query("SELECT " + std::string(kColumns) + " FROM dossier d" +
                                       with_full_text(walk_in_order) + order + " LIMIT ? OFFSET ?",
                                   v)) {
        page.items.push_back(ReadDossier(r));
    }
    return page;
}

}  // namespace sige::storage
