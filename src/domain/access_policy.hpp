#pragma once

// The one place where sige decides who may do what (PRODUCT.md "Who uses it" and "Access
// scope"). Every use case asks here; no other module checks a profile. Pure functions of
// the actor and the thing acted on: route membership is looked up by the caller and
// passed in.

#include <vector>

#include "core/result.hpp"
#include "domain/model.hpp"

namespace sige::domain {

/// The user behind a request, with the units whose dossiers fall in their scope: their own
/// unit, and the units below it when `sees_subunits` is set.
struct Actor {
    User user;
    std::vector<UnitId> scope_units;

    Profile profile() const { return user.profile; }
    bool IsAdmin() const { return user.profile == Profile::kAdmin; }
    /// True when the actor works in `unit` (their own unit, not the subunits they see).
    bool WorksIn(UnitId unit) const { return user.unit_id && *user.unit_id == unit; }
};

/// How a dossier appears to an actor.
enum class Visibility {
    kVisible,    ///< may read it
    kForbidden,  ///< public but outside the actor's route: 403
    kHidden,     ///< reserved and outside the route: 404, as if it did not exist
};

/// ADMIN and AUTHORITY see every dossier of every organisation, reserved ones included.
bool SeesEverything(const Actor& actor);

/// PRODUCT.md: a dossier is visible to the units on its route (`on_route`: one of the
/// actor's scope units registered it or was sent it), and to ADMIN and AUTHORITY.
/// Reserved dossiers are invisible outside their route.
Visibility DossierVisibility(const Actor& actor, const Dossier& dossier, bool on_route);

/// "Consulta global": ADMIN, AUTHORITY, DESK and OFFICE may look up where any public
/// dossier is; the others search only their scope.
bool CanQueryGlobally(const Actor& actor);

/// DESK and OFFICE register at their unit (OFFICE on behalf of its desk); ADMIN at any unit.
Status CanRegister(const Actor& actor);

/// PRODUCT.md: only the unit that has custody may change a dossier, and only with WRITE
/// permission on the transfer. DESK and OFFICE edit; ADMIN always may.
Status CanEdit(const Actor& actor, const Dossier& dossier);

/// DESK and OFFICE of the custody unit send it on, with READ or WRITE (a READ holder may
/// pass it on, or it would be stuck); ADMIN always may.
Status CanTransfer(const Actor& actor, const Dossier& dossier);

/// DESK and OFFICE of the destination unit confirm reception; ADMIN always may.
Status CanReceive(const Actor& actor, const Transfer& transfer);

/// As CanEdit: archive and reopen need custody with WRITE.
Status CanArchive(const Actor& actor, const Dossier& dossier);

/// DESK and OFFICE of the custody unit ask for annulment; ADMIN may too.
Status CanRequestAnnulment(const Actor& actor, const Dossier& dossier);

/// Only ADMIN annuls, reverts transfers and manages users, units and the catalogue.
Status CanAnnul(const Actor& actor);
Status CanRevert(const Actor& actor);
Status CanManageCatalog(const Actor& actor);

/// DESK, OFFICE and LOADER of the custody unit with WRITE attach documents; ADMIN too.
Status CanUpload(const Actor& actor, const Dossier& dossier);

/// DESK and OFFICE of the custody unit write internal notes; ADMIN too.
Status CanAnnotate(const Actor& actor, const Dossier& dossier);

/// The author removes their own note; ADMIN removes any.
Status CanRemoveAnnotation(const Actor& actor, const Annotation& annotation);

/// API.md: a public submission goes to the main desk of its organisation: its DESK and
/// OFFICE clerks, and ADMIN, accept, observe or reject it.
Status CanHandleSubmissions(const Actor& actor, std::optional<UnitId> main_desk);

/// API.md: the registering desk and ADMIN see the tracking token and PIN: DESK and OFFICE
/// clerks of the unit that registered it or of its desk (they print the receipt again),
/// not its viewers or loaders.
bool CanSeeTrackingSecrets(const Actor& actor, const Dossier& dossier);

}  // namespace sige::domain
