#include "app/common.hpp"

#include <map>
#include <mutex>
#include <tuple>

#include "domain/access_policy.hpp"
#include "domain/dossier.hpp"
#include "storage/catalog_store.hpp"
#include "storage/dossier_store.hpp"
#include "storage/transfer_store.hpp"

namespace sige::app {

using domain::Dossier;

Result<Dossier> LoadVisibleDossier(storage::Transaction& tx,
                                   const Caller& caller,
                                   DossierId id,
                                   bool for_update) {
    storage::Dossiers dossiers(tx);
    auto d = for_update ? dossiers.FindForUpdate(id) : dossiers.Find(id);
    if (!d) {
        return Error(ErrorCode::kNotFound, "dossier.not_found");
    }
    const auto& actor = caller.actor;
    const bool on_route =
        !domain::SeesEverything(actor) && dossiers.IsOnRoute(id, actor.scope_units);
    switch (domain::DossierVisibility(actor, *d, on_route)) {
        case domain::Visibility::kVisible:
            return std::move(*d);
        case domain::Visibility::kForbidden:
            return Error(ErrorCode::kForbidden, "access.outside_route");
        case domain::Visibility::kHidden:
            break;
    }
    return Error(ErrorCode::kNotFound, "dossier.not_found");
}

TimeZone ZoneOf(storage::Transaction& tx, OrganizationId org, const TimeZone& fallback) {
    auto o = storage::Organizations(tx).Find(org);
    return o ? TimeZone::Find(o->time_zone).value_or(fallback) : fallback;
}

namespace {

/// The process-wide memory of names, keyed by kind ('u', 't', 'o', 'p'), id and the
/// database (a process may hold two installations, e.g. `sige migrate`).
class SharedNames {
public:
    static SharedNames& Get() {
        static SharedNames instance;
        return instance;
    }
    std::optional<std::string> Find(const void* db, char kind, std::int64_t id) {
        std::lock_guard lock(mutex_);
        auto it = names_.find(Key{db, kind, id});
        if (it == names_.end() || std::chrono::steady_clock::now() > it->second.second) {
            return std::nullopt;
        }
        return it->second.first;
    }
    void Put(const void* db, char kind, std::int64_t id, const std::string& name) {
        std::lock_guard lock(mutex_);
        if (names_.size() > 50'000) {
            names_.clear();
        }
        names_[Key{db, kind, id}] = {name,
                                     std::chrono::steady_clock::now() + std::chrono::seconds(30)};
    }
    void Clear() {
        std::lock_guard lock(mutex_);
        names_.clear();
    }

private:
    using Key = std::tuple<const void*, char, std::int64_t>;
    std::mutex mutex_;
    std::map<Key, std::pair<std::string, std::chrono::steady_clock::time_point>> names_;
};

template <class Load>
const std::string& Cached(std::unordered_map<std::int64_t, std::string>& cache,
                          const void* db,
                          char kind,
                          std::int64_t id,
                          Load load) {
    auto it = cache.find(id);
    if (it == cache.end()) {
        auto& shared = SharedNames::Get();
        auto known = shared.Find(db, kind, id);
        if (!known) {
            known = load();
            shared.Put(db, kind, id, *known);
        }
        it = cache.emplace(id, std::move(*known)).first;
    }
    return it->second;
}

}  // namespace

void Names::ForgetAll() {
    SharedNames::Get().Clear();
}

const std::string& Names::Unit(UnitId id) {
    return Cached(units_, tx_.database(), 'u', id.value, [&] {
        auto u = storage::Units(tx_).Find(id);
        return u ? u->name : std::string();
    });
}

const std::string& Names::Type(DossierTypeId id) {
    return Cached(types_, tx_.database(), 't', id.value, [&] {
        auto t = storage::DossierTypes(tx_).Find(id);
        return t ? t->name : std::string();
    });
}

const std::string& Names::Organization(OrganizationId id) {
    return Cached(organizations_, tx_.database(), 'o', id.value, [&] {
        auto o = storage::Organizations(tx_).Find(id);
        return o ? o->name : std::string();
    });
}

const std::string& Names::User(UserId id) {
    return Cached(users_, tx_.database(), 'p', id.value, [&] {
        auto u = storage::Users(tx_).Find(id);
        return u ? u->name : std::string();
    });
}

namespace {

std::vector<std::string> AllowedActions(const domain::Actor& a,
                                        const Dossier& d,
                                        const std::optional<domain::Transfer>& pending) {
    using domain::DossierState;
    std::vector<std::string> out;
    const bool changeable = domain::CheckChangeable(d).has_value();
    const bool annulled = d.state == DossierState::kAnnulled;
    if (changeable && domain::CanEdit(a, d)) {
        out.emplace_back("edit");
    }
    if (changeable && domain::CanTransfer(a, d)) {
        out.emplace_back("transfer");
    }
    if (changeable && domain::CanArchive(a, d)) {
        out.emplace_back("archive");
    }
    if (changeable && d.state != DossierState::kResolved && domain::CanArchive(a, d)) {
        out.emplace_back("resolve");
    }
    if (d.state == DossierState::kArchived && domain::CanArchive(a, d)) {
        out.emplace_back("unarchive");
    }
    if (!annulled && !d.annulment_requested_at && domain::CanRequestAnnulment(a, d)) {
        out.emplace_back("request_annulment");
    }
    if (!annulled && !d.InTransit() && domain::CanAnnul(a)) {
        out.emplace_back("annul");
    }
    if (changeable && domain::CanUpload(a, d)) {
        out.emplace_back("upload");
    }
    if (!annulled && domain::CanAnnotate(a, d)) {
        out.emplace_back("annotate");
    }
    if (pending && domain::CanReceive(a, *pending)) {
        out.emplace_back("receive");
    }
    return out;
}

}  // namespace

DossierView MakeDossierView(storage::Transaction& tx,
                            Names& names,
                            const Caller& caller,
                            const Dossier& d) {
    DossierView v;
    v.dossier = d;
    v.organization_name = names.Organization(d.organization_id);
    v.type_name = names.Type(d.type_id);
    v.registered_unit_name = names.Unit(d.registered_unit_id);
    v.desk_unit_name = names.Unit(d.desk_unit_id);
    v.custody_unit_name = names.Unit(d.custody_unit_id);
    if (d.pending_transfer_id) {
        v.pending_transfer = storage::Transfers(tx).Find(*d.pending_transfer_id);
        if (v.pending_transfer) {
            v.pending_to_unit_name = names.Unit(v.pending_transfer->to_unit_id);
        }
    }
    v.show_secrets = domain::CanSeeTrackingSecrets(caller.actor, d);
    v.allowed_actions = AllowedActions(caller.actor, d, v.pending_transfer);
    return v;
}

TransferView MakeTransferView(storage::Transaction& tx,
                              Names& names,
                              const domain::Transfer& t,
                              Timestamp now) {
    TransferView v;
    v.transfer = t;
    if (auto d = storage::Dossiers(tx).Find(t.dossier_id)) {
        v.dossier_code = d->code;
        v.dossier_summary = d->summary;
    }
    v.from_unit_name = names.Unit(t.from_unit_id);
    v.to_unit_name = names.Unit(t.to_unit_id);
    v.sent_by_name = names.User(t.sent_by);
    if (t.state == domain::TransferState::kPending) {
        v.waiting_seconds =
            std::chrono::duration_cast<std::chrono::seconds>(now - t.sent_at).count();
    }
    return v;
}

JsonObject AuditSnapshot(const Dossier& d) {
    JsonObject o;
    o.Add("code", d.code)
        .Add("type_id", d.type_id.value)
        .Add("summary", d.summary)
        .Add("origin", domain::ToString(d.origin))
        .Add("reserved", d.reserved)
        .Add("priority", domain::ToString(d.priority))
        .Add("instrument_number", d.instrument_number)
        .Add("folios", d.folios)
        .Add("volumes", d.volumes)
        .Add("procedure_id", d.procedure_id);
    if (d.applicant) {
        JsonObject a;
        a.Add("name", d.applicant->name)
            .Add("id_type", domain::ToString(d.applicant->id_type))
            .Add("id_number", d.applicant->id_number)
            .Add("email", d.applicant->email)
            .Add("phone", d.applicant->phone)
            .Add("address", d.applicant->address)
            .Add("consent", d.applicant->consent);
        o.AddRaw("applicant", a.str());
    } else {
        o.AddNull("applicant");
    }
    o.Add("state", domain::ToString(d.state))
        .Add("custody_unit_id", d.custody_unit_id.value)
        .Add("custody_permission", domain::ToString(d.custody_permission));
    return o;
}

void KeepChanges(JsonObject& before, JsonObject& after) {
    JsonObject b, a;
    const auto& bf = before.fields();
    const auto& af = after.fields();
    for (std::size_t i = 0; i < bf.size() && i < af.size(); ++i) {
        if (bf[i] != af[i]) {
            b.AddRaw(bf[i].first, bf[i].second);
            a.AddRaw(af[i].first, af[i].second);
        }
    }
    before = std::move(b);
    after = std::move(a);
}

JsonObject AuditSnapshot(const domain::Transfer& t) {
    JsonObject o;
    o.Add("from_unit_id", t.from_unit_id.value)
        .Add("to_unit_id", t.to_unit_id.value)
        .Add("action", domain::ToString(t.action))
        .Add("permission", domain::ToString(t.permission))
        .Add("folios_added", t.folios_added)
        .Add("volumes_added", t.volumes_added)
        .Add("notes", t.notes)
        .Add("state", domain::ToString(t.state));
    if (t.delivery_note_id) {
        o.Add("delivery_note_id", t.delivery_note_id->value);
    }
    return o;
}

}  // namespace sige::app
