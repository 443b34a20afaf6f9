#pragma once

// What use cases return: domain values with the names a reader needs beside the ids, and
// which actions the caller may take now (so a client shows only those).

#include <optional>
#include <string>
#include <vector>

#include "domain/audit.hpp"
#include "domain/model.hpp"

namespace sige::app {

template <class T>
struct Page {
    std::vector<T> items;
    std::int64_t total = 0;
};

struct DossierView {
    domain::Dossier dossier;
    std::string organization_name;
    std::string type_name;
    std::string registered_unit_name;
    std::string desk_unit_name;
    std::string custody_unit_name;
    std::optional<domain::Transfer> pending_transfer;
    std::string pending_to_unit_name;
    /// Tracking token and PIN may be shown (registering unit, its desk, ADMIN).
    bool show_secrets = false;
    /// Found by the global query outside the caller's route: the applicant's contact data
    /// and the instrument number are left out.
    bool limited = false;
    /// "edit", "transfer", "archive", "resolve", "unarchive", "request_annulment", "annul",
    /// "upload", "annotate", "receive": what the caller may do now.
    std::vector<std::string> allowed_actions;
};

struct TransferView {
    domain::Transfer transfer;
    std::string dossier_code;
    std::string dossier_summary;
    std::string from_unit_name;
    std::string to_unit_name;
    std::string sent_by_name;
    std::optional<std::int64_t> waiting_seconds;  ///< for pending ones: since sent
};

struct DeliveryNoteView {
    domain::DeliveryNote note;
    std::string from_unit_name;
    std::string to_unit_name;
    std::string organization_name;
    std::string created_by_name;
    std::vector<TransferView> transfers;
};

}  // namespace sige::app
