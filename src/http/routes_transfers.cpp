// Routes: transfers ("pases"), bulk transfers with a delivery note, the inbox of pending
// receptions, reception of one or many, and ADMIN's revert.

#include "http/api.hpp"
#include "http/dto.hpp"

namespace sige::http {

namespace {

/// A list of positive ids in field `key`; each bad element is named ("ids[2]").
template <class IdT>
std::vector<IdT> ReadIds(FieldReader& f, std::string_view key) {
    std::vector<IdT> out;
    const auto* array = f.Array(key);
    if (array == nullptr) {
        if (!f.Has(key) || f.IsNull(key)) {
            f.validation().Add(std::string(key), "field.required");
        }
        return out;
    }
    if (array->size() > 500) {
        f.validation().Add(std::string(key), "field.range", {"1", "500"});
        return out;
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto& v = (*array)[i];
        if (v.is_int64() && v.as_int64() > 0) {
            out.emplace_back(v.as_int64());
        } else if (v.is_uint64() && v.as_uint64() < (1ULL << 62)) {
            out.emplace_back(std::int64_t(v.as_uint64()));
        } else {
            f.validation().Add(std::string(key) + "[" + std::to_string(i) + "]",
                               "field.type_integer");
        }
    }
    return out;
}

}  // namespace

void AddTransferRoutes(Router& router, Services& s) {
    const TimeZone& zone = s.env.zone;
    auto transfer_json = [&zone](const app::TransferView& v) { return TransferJson(v, zone); };
    auto note_json = [&zone](const app::DeliveryNoteView& n) { return DeliveryNoteJson(n, zone); };

    router.Add("POST", "/api/v1/dossiers/{id}/transfers", [&s, transfer_json](Request& req) {
        return WithId<DossierId>(req, [&](DossierId id) {
            return WithBody(req, ReadTransferRequest, [&](const domain::TransferRequest& r) {
                return Answer(s.transfers.Send(*req.caller, id, r), 201, transfer_json);
            });
        });
    });

    router.Add("GET", "/api/v1/dossiers/{id}/transfers", [&s, transfer_json](Request& req) {
        return WithId<DossierId>(req, [&](DossierId id) {
            return AnswerList(s.transfers.OfDossier(*req.caller, id), transfer_json);
        });
    });

    struct Bulk {
        std::vector<DossierId> dossiers;
        domain::TransferRequest request;
    };
    router.Add("POST", "/api/v1/transfers/bulk", [&s, note_json](Request& req) {
        return WithBody(
            req,
            [](FieldReader& f) {
                auto ids = ReadIds<DossierId>(f, "dossier_ids");
                return Bulk{std::move(ids), ReadTransferRequest(f)};
            },
            [&](const Bulk& b) {
                return Answer(s.transfers.SendBulk(*req.caller, b.dossiers, b.request), 201,
                              note_json);
            });
    });

    // The trays: pending receptions of the caller's unit, and what it sent and nobody
    // received yet. ADMIN and AUTHORITY may name a unit.
    auto tray = [&s, transfer_json](bool inbox) {
        return [&s, transfer_json, inbox](Request& req) {
            auto unit = QueryId<UnitId>(req, "unit");
            if (!unit) {
                return ProblemResponse(unit.error());
            }
            auto paging = ReadPaging(req);
            if (!paging) {
                return ProblemResponse(paging.error());
            }
            auto page = inbox
                            ? s.transfers.Inbox(*req.caller, *unit, paging->page, paging->per_page)
                            : s.transfers.Sent(*req.caller, *unit, paging->page, paging->per_page);
            if (!page) {
                return ProblemResponse(page.error());
            }
            return JsonResponse(200, PageJson(ToArray(page->items, transfer_json), page->total));
        };
    };
    router.Add("GET", "/api/v1/inbox", tray(true));
    router.Add("GET", "/api/v1/outbox", tray(false));

    router.Add("POST", "/api/v1/transfers/{id}/receive", [&s, transfer_json](Request& req) {
        return WithId<TransferId>(req, [&](TransferId id) {
            return Answer(s.transfers.Receive(*req.caller, id), 200, transfer_json);
        });
    });

    router.Add("POST", "/api/v1/transfers/receive", [&s, transfer_json](Request& req) {
        return WithBody(
            req, [](FieldReader& f) { return ReadIds<TransferId>(f, "ids"); },
            [&](const std::vector<TransferId>& ids) {
                return AnswerList(s.transfers.ReceiveMany(*req.caller, ids), transfer_json);
            });
    });

    router.Add("POST", "/api/v1/transfers/{id}/revert", [&s, transfer_json](Request& req) {
        return WithId<TransferId>(req, [&](TransferId id) {
            return WithBody(
                req, [](FieldReader& f) { return f.Text("reason").value_or(""); },
                [&](const std::string& reason) {
                    return Answer(s.transfers.Revert(*req.caller, id, reason), 200, transfer_json);
                },
                /*optional=*/true);
        });
    });

    // Before the JSON route: "{id}" alone would also match "5.pdf".
    router.Add("GET", "/api/v1/delivery-notes/{id}.pdf", [&s](Request& req) {
        return WithId<DeliveryNoteId>(req, [&](DeliveryNoteId id) {
            return PdfResponse(s.printouts.DeliveryNote(*req.caller, id));
        });
    });

    router.Add("GET", "/api/v1/delivery-notes/{id}", [&s, note_json](Request& req) {
        return WithId<DeliveryNoteId>(req, [&](DeliveryNoteId id) {
            return Answer(s.transfers.DeliveryNote(*req.caller, id), 200, note_json);
        });
    });
}

}  // namespace sige::http
