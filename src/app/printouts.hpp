#pragma once

// The printed documents: the receipt (cargo) of a dossier and the delivery note (remito)
// of a bulk transfer, as A4 PDFs.

#include <string>

#include "app/env.hpp"
#include "core/result.hpp"
#include "domain/model.hpp"
#include "storage/database.hpp"

namespace sige::app {

struct Pdf {
    std::string file_name;  ///< "cargo-1367-GSC-2026.pdf"
    std::string bytes;
};

class Names;

/// The receipt of `dossier` as a PDF (no permission check: the caller decided).
Pdf ReceiptPdf(storage::Transaction& tx,
               Names& names,
               const Env& env,
               const domain::Dossier& dossier);

class Printouts {
public:
    explicit Printouts(Env& env) : env_(env) {}

    /// The receipt, with the QR to the public tracking page and the PIN. Only the unit that
    /// registered it, its desk and ADMIN may print it (it carries the PIN); the printing is
    /// recorded as a read.
    Result<Pdf> Receipt(const Caller& caller, DossierId id);
    /// The delivery note with its dossiers and signature lines; for the sending and
    /// receiving units, ADMIN and AUTHORITY.
    Result<Pdf> DeliveryNote(const Caller& caller, DeliveryNoteId id);

private:
    Env& env_;
};

}  // namespace sige::app
