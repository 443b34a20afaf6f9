#pragma once

// The printed documents of sige, as A4 PDFs in Spanish: the receipt (cargo) handed to the
// applicant, and the delivery note (remito) signed on reception. Plain data in, PDF bytes
// out (cairo + pango, DejaVu fonts embedded as subsets); no database, no clock.

#include <string>
#include <vector>

namespace sige::render {

struct ReceiptData {
    std::string organization;
    std::string desk;        ///< the desk in whose name it was registered
    std::string code;        ///< "1367-GSC-2026"
    std::string registered;  ///< "21/11/2026 09:15", in the organisation's zone
    std::string type;
    std::string origin;        ///< "Externo" / "Interno"
    std::string applicant;     ///< name, or empty for an internal dossier
    std::string applicant_id;  ///< "DNI 45678912"
    std::string summary;
    int folios = 0;
    int volumes = 0;
    bool reserved = false;
    bool urgent = false;
    std::string registered_by;
    std::string tracking_url;   ///< what the QR encodes: PUBLIC_URL/t/{token}
    std::string tracking_base;  ///< PUBLIC_URL/t, where code + PIN can be typed
    std::string pin;
};

struct DeliveryNoteLine {
    std::string code;
    std::string summary;
    std::string action;  ///< "Para opinión"
    std::string permission;
    int folios = 0;
};

struct DeliveryNoteData {
    std::string organization;
    std::string code;  ///< "R-12-2026"
    std::string from_unit;
    std::string to_unit;
    std::string created;  ///< "21/11/2026 09:15"
    std::string created_by;
    std::vector<DeliveryNoteLine> lines;
};

/// The receipt: one A4 page with the code, the data of the filing, the QR to the tracking
/// page and the PIN.
std::string RenderReceiptPdf(const ReceiptData& data);

/// The delivery note: the list of dossiers sent together, with signature lines for who
/// delivers and who receives; as many A4 pages as the list needs.
std::string RenderDeliveryNotePdf(const DeliveryNoteData& data);

}  // namespace sige::render
