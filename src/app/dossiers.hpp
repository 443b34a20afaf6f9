#pragma once

// Use cases on dossiers: register, read, edit, search, history, archive and reopen, ask for
// and perform annulment. Each runs in one transaction with its audit events; a failure
// leaves the database as it was.

#include <optional>
#include <string>
#include <vector>

#include "app/env.hpp"
#include "app/views.hpp"
#include "core/result.hpp"
#include "domain/dossier.hpp"
#include "storage/dossier_store.hpp"

namespace sige::app {

/// A search as the client asked it; the use case adds the caller's scope.
struct SearchRequest {
    storage::DossierFilter filter;  ///< scope fields are ignored: the caller decides them
    bool global = false;            ///< "Consulta global"
};

class Dossiers {
public:
    explicit Dossiers(Env& env) : env_(env) {}

    /// Registers a dossier at the caller's unit (ADMIN names the unit in `unit`), in the name
    /// of its desk. Numbers it gaplessly per organisation and year. kForbidden for profiles
    /// that may not register; kInvalidInput naming each bad field. Persists and audits.
    Result<DossierView> Register(const Caller& caller,
                                 domain::DossierInput input,
                                 std::optional<UnitId> unit);
    /// Reads a dossier (audited as a read). kNotFound / kForbidden per visibility.
    Result<DossierView> Get(const Caller& caller, DossierId id);
    /// Changes the present fields; needs custody with WRITE. Audits the changed fields.
    Result<DossierView> Edit(const Caller& caller, DossierId id, domain::DossierInput input);
    /// Dossiers matching the filters within the caller's scope (or globally when allowed).
    Result<Page<DossierView>> Search(const Caller& caller, SearchRequest request);
    /// Every event on the dossier, oldest first; reads too when `include_reads` (only for
    /// ADMIN and AUTHORITY, who audit).
    Result<std::vector<domain::AuditEvent>> History(const Caller& caller,
                                                    DossierId id,
                                                    bool include_reads);

    /// The procedure concluded: custody with WRITE, like archiving; the applicant is told.
    Result<DossierView> Resolve(const Caller& caller, DossierId id);
    Result<DossierView> Archive(const Caller& caller, DossierId id);
    Result<DossierView> Unarchive(const Caller& caller, DossierId id);
    Result<DossierView> RequestAnnulment(const Caller& caller,
                                         DossierId id,
                                         const std::string& reason);
    Result<DossierView> Annul(const Caller& caller, DossierId id, const std::string& reason);

private:
    Env& env_;
};

}  // namespace sige::app
