#include "app/dossiers.hpp"

#include "app/audit_trail.hpp"
#include "app/common.hpp"
#include "app/mail.hpp"
#include "core/crypto.hpp"
#include "domain/access_policy.hpp"
#include "storage/audit_store.hpp"
#include "storage/catalog_store.hpp"

namespace sige::app {

using domain::Dossier;

namespace {

/// The unit a registration happens at: ADMIN names one; everyone else registers at their
/// own unit and may name only that one.
Result<UnitId> RegistrationUnit(const domain::Actor& actor, std::optional<UnitId> unit) {
    if (actor.IsAdmin()) {
        if (!unit) {
            return Error::Field("unit_id", "dossier.unit_required");
        }
        return *unit;
    }
    if (!actor.user.unit_id) {
        return Error(ErrorCode::kForbidden, "access.no_unit");
    }
    if (unit && *unit != *actor.user.unit_id) {
        return Error(ErrorCode::kForbidden, "access.other_unit");
    }
    return *actor.user.unit_id;
}

/// Checks what needs the database: the type exists in the unit's organisation, is active
/// and matches the origin; the procedure exists (none do until the catalogue arrives).
Status CheckReferences(storage::Transaction& tx,
                       const domain::DossierInput& in,
                       OrganizationId organization,
                       domain::Origin origin) {
    Validation v;
    if (in.type_id) {
        auto type = storage::DossierTypes(tx).Find(*in.type_id);
        if (!type || type->organization_id != organization) {
            v.Add("type_id", "dossier.type_unknown");
        } else if (!type->active) {
            v.Add("type_id", "dossier.type_inactive");
        } else if (type->origin != origin) {
            v.Add("type_id", origin == domain::Origin::kExternal ? "dossier.type_not_external"
                                                                 : "dossier.type_not_internal");
        }
    }
    if (in.procedure_id) {
        v.Add("procedure_id", "dossier.procedure_unknown");
    }
    return v.ToStatus();
}

}  // namespace

Result<DossierView> Dossiers::Register(const Caller& caller,
                                       domain::DossierInput input,
                                       std::optional<UnitId> unit_id) {
    SIGE_TRY(domain::CanRegister(caller.actor));
    auto at = RegistrationUnit(caller.actor, unit_id);
    if (!at) {
        return at.error();
    }
    domain::Normalize(input);
    SIGE_TRY(domain::ValidateRegistration(input).ToStatus());

    auto tx = env_.db.BeginWrite();
    auto unit = storage::Units(*tx).Find(*at);
    if (!unit || !unit->active) {
        return Error::Field("unit_id", "unit.unknown");
    }
    auto org = storage::Organizations(*tx).Find(unit->organization_id);
    SIGE_TRY(CheckReferences(*tx, input, unit->organization_id, *input.origin));

    const Timestamp now = env_.clock.Now();
    const UnitId desk = storage::Units(*tx).NearestDesk(unit->id).value_or(unit->id);
    Dossier d =
        domain::NewDossier(input, unit->organization_id, unit->id, desk, caller.actor.user.id, now);
    const TimeZone zone = TimeZone::Find(org->time_zone).value_or(env_.zone);
    d.year = zone.Year(now);
    storage::Dossiers dossiers(*tx);
    d.number = dossiers.NextNumber(d.organization_id, d.year);
    d.code = domain::FormatDossierCode(d.number, d.letters, d.year);
    d.tracking_token = crypto::RandomToken(16);
    d.pin = crypto::RandomDigits(6);
    d.id = dossiers.Insert(d);

    AuditTrail trail(caller, now);
    trail.Add("dossier.registered", "dossier", d.id.value, d.id, {}, AuditSnapshot(d));
    Names names(*tx);
    const bool mail =
        QueueApplicantNotice(*tx, names, env_, d, NoticeKind::kRegistered, d.custody_unit_id);
    auto view = MakeDossierView(*tx, names, caller, d);
    trail.CommitWith(*tx);
    WakeMailSender(env_, mail);
    view.show_secrets = true;  // API.md: the answer that creates it carries token and PIN
    return view;
}

Result<DossierView> Dossiers::Get(const Caller& caller, DossierId id) {
    auto tx = env_.db.BeginRead();
    auto d = LoadVisibleDossier(*tx, caller, id);
    if (!d) {
        return d.error();
    }
    Names names(*tx);
    auto view = MakeDossierView(*tx, names, caller, *d);
    env_.reads.Push(MakeEvent(caller, env_.clock.Now(), "dossier.read", "dossier", id.value, id));
    return view;
}

Result<DossierView> Dossiers::Edit(const Caller& caller, DossierId id, domain::DossierInput input) {
    domain::Normalize(input);
    auto tx = env_.db.BeginWrite();
    auto d = LoadVisibleDossier(*tx, caller, id, /*for_update=*/true);
    if (!d) {
        return d.error();
    }
    SIGE_TRY(domain::CanEdit(caller.actor, *d));
    SIGE_TRY(domain::CheckChangeable(*d));
    SIGE_TRY(domain::ValidateEdit(input, *d).ToStatus());
    SIGE_TRY(CheckReferences(*tx, input, d->organization_id, d->origin));

    const Timestamp now = env_.clock.Now();
    JsonObject before = AuditSnapshot(*d);
    domain::ApplyEdit(*d, input, now);
    JsonObject after = AuditSnapshot(*d);
    KeepChanges(before, after);
    storage::Dossiers(*tx).Update(*d);

    AuditTrail trail(caller, now);
    if (!after.empty()) {
        trail.Add("dossier.edited", "dossier", id.value, id, before, after);
    }
    Names names(*tx);
    auto view = MakeDossierView(*tx, names, caller, *d);
    trail.CommitWith(*tx);
    return view;
}

Result<Page<DossierView>> Dossiers::Search(const Caller& caller, SearchRequest request) {
    const auto& actor = caller.actor;
    if (request.global && !domain::CanQueryGlobally(actor)) {
        return Error(ErrorCode::kForbidden, "access.no_global_query");
    }
    storage::DossierFilter filter = std::move(request.filter);
    if (domain::SeesEverything(actor)) {
        filter.scope.reset();
        filter.include_public = false;
    } else {
        filter.scope = actor.scope_units;
        filter.include_public = request.global;
    }
    auto tx = env_.db.BeginRead();
    storage::Dossiers dossiers(*tx);
    auto found = dossiers.Search(filter);
    Page<DossierView> page;
    page.total = found.total;
    Names names(*tx);
    for (const auto& d : found.items) {
        auto view = MakeDossierView(*tx, names, caller, d);
        view.limited = request.global && !domain::SeesEverything(actor) &&
                       !dossiers.IsOnRoute(d.id, actor.scope_units);
        if (view.limited) {
            view.allowed_actions.clear();
            view.show_secrets = false;
        }
        page.items.push_back(std::move(view));
    }
    return page;
}

Result<std::vector<domain::AuditEvent>> Dossiers::History(const Caller& caller,
                                                          DossierId id,
                                                          bool include_reads) {
    if (include_reads && !domain::SeesEverything(caller.actor)) {
        return Error(ErrorCode::kForbidden, "access.reads_for_auditors");
    }
    if (include_reads) {
        env_.reads.Flush();  // so the answer includes the reads just made
    }
    auto tx = env_.db.BeginRead();
    auto d = LoadVisibleDossier(*tx, caller, id);
    if (!d) {
        return d.error();
    }
    return storage::AuditLog(*tx).OfDossier(id, include_reads);
}

namespace {

/// The shape shared by archive, unarchive and the annulment steps: load for change, check
/// the policy, apply the domain rule, store, audit with the state before and after.
template <class Check, class Apply>
Result<DossierView> ChangeState(Env& env,
                                const Caller& caller,
                                DossierId id,
                                const char* action,
                                Check check,
                                Apply apply,
                                JsonObject extra = {},
                                std::optional<NoticeKind> notice = std::nullopt) {
    auto tx = env.db.BeginWrite();
    auto d = LoadVisibleDossier(*tx, caller, id, /*for_update=*/true);
    if (!d) {
        return d.error();
    }
    SIGE_TRY(check(caller.actor, *d));
    const Timestamp now = env.clock.Now();
    JsonObject before;
    before.Add("state", domain::ToString(d->state));
    SIGE_TRY(apply(*d, now));
    storage::Dossiers(*tx).Update(*d);
    JsonObject after;
    after.Add("state", domain::ToString(d->state));
    for (const auto& [k, v] : extra.fields()) {
        after.AddRaw(k, v);
    }
    AuditTrail trail(caller, now);
    trail.Add(action, "dossier", id.value, id, before, after);
    Names names(*tx);
    const bool mail =
        notice && QueueApplicantNotice(*tx, names, env, *d, *notice, d->custody_unit_id);
    auto view = MakeDossierView(*tx, names, caller, *d);
    trail.CommitWith(*tx);
    WakeMailSender(env, mail);
    return view;
}

}  // namespace

Result<DossierView> Dossiers::Archive(const Caller& caller, DossierId id) {
    return ChangeState(
        env_, caller, id, "dossier.archived", domain::CanArchive,
        [](Dossier& d, Timestamp now) { return domain::Archive(d, now); }, {},
        NoticeKind::kArchived);
}

Result<DossierView> Dossiers::Resolve(const Caller& caller, DossierId id) {
    return ChangeState(
        env_, caller, id, "dossier.resolved", domain::CanArchive,
        [](Dossier& d, Timestamp now) { return domain::Resolve(d, now); }, {},
        NoticeKind::kCompleted);
}

Result<DossierView> Dossiers::Unarchive(const Caller& caller, DossierId id) {
    return ChangeState(env_, caller, id, "dossier.unarchived", domain::CanArchive,
                       [](Dossier& d, Timestamp now) { return domain::Unarchive(d, now); });
}

Result<DossierView> Dossiers::RequestAnnulment(const Caller& caller,
                                               DossierId id,
                                               const std::string& reason) {
    JsonObject extra;
    extra.Add("reason", reason);
    return ChangeState(
        env_, caller, id, "dossier.annulment_requested", domain::CanRequestAnnulment,
        [&](Dossier& d, Timestamp now) {
            return domain::RequestAnnulment(d, caller.actor.user.id, reason, now);
        },
        extra);
}

Result<DossierView> Dossiers::Annul(const Caller& caller, DossierId id, const std::string& reason) {
    JsonObject extra;
    extra.Add("reason", reason);
    return ChangeState(
        env_, caller, id, "dossier.annulled",
        [](const domain::Actor& a, const Dossier&) { return domain::CanAnnul(a); },
        [&](Dossier& d, Timestamp now) {
            return domain::Annul(d, caller.actor.user.id, reason, now);
        },
        extra);
}

}  // namespace sige::app
