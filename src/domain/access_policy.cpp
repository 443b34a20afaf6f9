#include "domain/access_policy.hpp"

#include <algorithm>

namespace sige::domain {

namespace {

Error Forbidden(const char* key) {
    return Error(ErrorCode::kForbidden, key);
}

bool IsDeskOrOffice(const Actor& a) {
    return a.profile() == Profile::kDesk || a.profile() == Profile::kOffice;
}

/// The actor's unit holds the dossier.
bool HasCustody(const Actor& a, const Dossier& d) {
    return a.WorksIn(d.custody_unit_id);
}

/// Shared shape of the custody rules: ADMIN passes; otherwise the profile must be one of
/// `allowed`, the actor's unit must hold the dossier and, if `need_write`, with WRITE.
Status CustodyRule(const Actor& a,
                   const Dossier& d,
                   std::initializer_list<Profile> allowed,
                   bool need_write) {
    if (a.IsAdmin()) {
        return Ok();
    }
    if (std::find(allowed.begin(), allowed.end(), a.profile()) == allowed.end()) {
        return Forbidden("access.profile");
    }
    if (!HasCustody(a, d)) {
        return Forbidden("access.not_in_custody");
    }
    if (need_write && d.custody_permission != Permission::kWrite) {
        return Forbidden("access.read_only");
    }
    return Ok();
}

}  // namespace

bool SeesEverything(const Actor& a) {
    return a.profile() == Profile::kAdmin || a.profile() == Profile::kAuthority;
}

Visibility DossierVisibility(const Actor& a, const Dossier& d, bool on_route) {
    if (SeesEverything(a) || on_route) {
        return Visibility::kVisible;
    }
    return d.reserved ? Visibility::kHidden : Visibility::kForbidden;
}

bool CanQueryGlobally(const Actor& a) {
    return SeesEverything(a) || IsDeskOrOffice(a);
}

Status CanRegister(const Actor& a) {
    if (a.IsAdmin() || IsDeskOrOffice(a)) {
        return Ok();
    }
    return Forbidden("access.profile");
}

Status CanEdit(const Actor& a, const Dossier& d) {
    return CustodyRule(a, d, {Profile::kDesk, Profile::kOffice}, /*need_write=*/true);
}

Status CanTransfer(const Actor& a, const Dossier& d) {
    return CustodyRule(a, d, {Profile::kDesk, Profile::kOffice}, /*need_write=*/false);
}

Status CanReceive(const Actor& a, const Transfer& t) {
    if (a.IsAdmin()) {
        return Ok();
    }
    if (!IsDeskOrOffice(a)) {
        return Forbidden("access.profile");
    }
    if (!a.WorksIn(t.to_unit_id)) {
        return Forbidden("access.not_destination");
    }
    return Ok();
}

Status CanArchive(const Actor& a, const Dossier& d) {
    return CanEdit(a, d);
}

Status CanRequestAnnulment(const Actor& a, const Dossier& d) {
    return CustodyRule(a, d, {Profile::kDesk, Profile::kOffice}, /*need_write=*/false);
}

Status CanAnnul(const Actor& a) {
    return a.IsAdmin() ? Ok() : Forbidden("access.admin_only");
}
Status CanRevert(const Actor& a) {
    return a.IsAdmin() ? Ok() : Forbidden("access.admin_only");
}
Status CanManageCatalog(const Actor& a) {
    return a.IsAdmin() ? Ok() : Forbidden("access.admin_only");
}

Status CanUpload(const Actor& a, const Dossier& d) {
    return CustodyRule(a, d, {Profile::kDesk, Profile::kOffice, Profile::kLoader},
                       /*need_write=*/true);
}

Status CanAnnotate(const Actor& a, const Dossier& d) {
    return CustodyRule(a, d, {Profile::kDesk, Profile::kOffice}, /*need_write=*/false);
}

Status CanRemoveAnnotation(const Actor& a, const Annotation& n) {
    if (a.IsAdmin() || n.author_id == a.user.id) {
        return Ok();
    }
    return Forbidden("access.not_author");
}

Status CanHandleSubmissions(const Actor& a, std::optional<UnitId> main_desk) {
    if (a.IsAdmin()) {
        return Ok();
    }
    if (!IsDeskOrOffice(a)) {
        return Forbidden("access.profile");
    }
    if (!main_desk || !a.WorksIn(*main_desk)) {
        return Forbidden("access.not_main_desk");
    }
    return Ok();
}

bool CanSeeTrackingSecrets(const Actor& a, const Dossier& d) {
    if (a.IsAdmin()) {
        return true;
    }
    return IsDeskOrOffice(a) && (a.WorksIn(d.registered_unit_id) || a.WorksIn(d.desk_unit_id));
}

}  // namespace sige::domain
