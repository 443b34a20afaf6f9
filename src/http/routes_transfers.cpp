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
    auto transfer_list = [transfer_json](const auto& items, std::int64_t total) {
        json::array out;
        for (const auto& t : items) {
            out.push_back(transfer_json(t));
        }
        return PageJson(std::move(out), total);
    };

    router.Add("POST", "/api/v1/dossiers/{id}/transfers", [&s, transfer_json](Request& req) {
        auto id = PathId<DossierId>(req);
        if (!id) {
            return ProblemResponse(id.error());
        }
        auto body = ParseObject(req);
        if (!body) {
            return ProblemResponse(body.error());
        }
        Validation v;
        FieldReader f(*body, v);
        auto request = ReadTransferRequest(f);
        if (!v.ok()) {
            return ProblemResponse(v.ToError());
        }
        return Answer(s.transfers.Send(*req.caller, *id, request), 201, transfer_json);
    });

    router.Add("GET", "/api/v1/dossiers/{id}/transfers", [&s, transfer_list](Request& req) {
        auto id = PathId<DossierId>(req);
        if (!id) {
            return ProblemResponse(id.error());
        }
        auto list = s.transfers.OfDossier(*req.caller, *id);
        if (!list) {
            return ProblemResponse(list.error());
        }
        return JsonResponse(200, transfer_list(*list, std::int64_t(list->size())));
    });

    router.Add("POST", "/api/v1/transfers/bulk", [&s, &zone](Request& req) {
        auto body = ParseObject(req);
        if (!body) {
            return ProblemResponse(body.error());
        }
        Validation v;
        FieldReader f(*body, v);
        auto ids = ReadIds<DossierId>(f, "dossier_ids");
        auto request = ReadTransferRequest(f);
        if (!v.ok()) {
            return ProblemResponse(v.ToError());
        }
        return Answer(s.transfers.SendBulk(*req.caller, ids, request), 201,
                      [&](const app::DeliveryNoteView& n) { return DeliveryNoteJson(n, zone); });
    });

    auto tray = [&s, transfer_list](bool inbox) {
        return [&s, transfer_list, inbox](Request& req) {
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
            return JsonResponse(200, transfer_list(page->items, page->total));
        };
    };
    router.Add("GET", "/api/v1/inbox", tray(true));
    router.Add("GET", "/api/v1/outbox", tray(false));

    router.Add("POST", "/api/v1/transfers/{id}/receive", [&s, transfer_json](Request& req) {
        auto id = PathId<TransferId>(req);
        if (!id) {
            return ProblemResponse(id.error());
        }
        return Answer(s.transfers.Receive(*req.caller, *id), 200, transfer_json);
    });

    router.Add("POST", "/api/v1/transfers/receive", [&s, transfer_list](Request& req) {
        auto body = ParseObject(req);
        if (!body) {
            return ProblemResponse(body.error());
        }
        Validation v;
        FieldReader f(*body, v);
        auto ids = ReadIds<TransferId>(f, "ids");
        if (!v.ok()) {
            return ProblemResponse(v.ToError());
        }
        auto received = s.transfers.ReceiveMany(*req.caller, ids);
        if (!received) {
            return ProblemResponse(received.error());
        }
        return JsonResponse(200, transfer_list(*received, std::int64_t(received->size())));
    });

    router.Add("POST", "/api/v1/transfers/{id}/revert", [&s, transfer_json](Request& req) {
        auto id = PathId<TransferId>(req);
        if (!id) {
            return ProblemResponse(id.error());
        }
        auto body = ParseObject(req, /*optional=*/true);
        if (!body) {
            return ProblemResponse(body.error());
        }
        Validation v;
        FieldReader f(*body, v);
        auto reason = f.Text("reason");
        if (!v.ok()) {
            return ProblemResponse(v.ToError());
        }
        return Answer(s.transfers.Revert(*req.caller, *id, reason.value_or("")), 200,
                      transfer_json);
    });

    // Before the JSON route: "{id}" alone would also match "5.pdf".
    router.Add("GET", "/api/v1/delivery-notes/{id}.pdf", [&s](Request& req) {
        auto id = PathId<DeliveryNoteId>(req);
        if (!id) {
            return ProblemResponse(id.error());
        }
        return PdfResponse(s.printouts.DeliveryNote(*req.caller, *id));
    });

    router.Add("GET", "/api/v1/delivery-notes/{id}", [&s, &zone](Request& req) {
        auto id = PathId<DeliveryNoteId>(req);
        if (!id) {
            return ProblemResponse(id.error());
        }
        return Answer(s.transfers.DeliveryNote(*req.caller, *id), 200,
                      [&](const app::DeliveryNoteView& n) { return DeliveryNoteJson(n, zone); });
    });
}

}  // namespace sige::http
