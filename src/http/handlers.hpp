#pragma once

// The shapes every route handler repeats, written once: read the path id, read and type
// the JSON body, answer a Result as JSON or as a problem, list a vector as a page.

#include <optional>
#include <vector>

#include "app/documents.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"

namespace sige::http {

/// A response for a use case's Result: its JSON with `status`, or its problem.
template <class T, class ToJson>
Response Answer(const Result<T>& result, int status, ToJson to_json) {
    if (!result) {
        return ProblemResponse(result.error());
    }
    return JsonResponse(status, to_json(result.value()));
}

template <class T, class ToJson>
json::array ToArray(const std::vector<T>& items, ToJson to_json) {
    json::array out;
    out.reserve(items.size());
    for (const auto& item : items) {
        out.push_back(to_json(item));
    }
    return out;
}

/// `{"items": [...], "total": N}` for a whole list, or its problem.
template <class T, class ToJson>
Response AnswerList(const Result<std::vector<T>>& result, ToJson to_json) {
    if (!result) {
        return ProblemResponse(result.error());
    }
    return JsonResponse(200, PageJson(ToArray(*result, to_json), std::int64_t(result->size())));
}

/// Calls `use(id)` with the path's first placeholder as an id; 404 when it is not one.
template <class IdT, class Use>
Response WithId(const Request& req, Use use) {
    auto id = PathId<IdT>(req);
    if (!id) {
        return ProblemResponse(id.error());
    }
    return use(*id);
}

/// Parses the JSON body (an empty body is `{}` when `optional`), runs `read` over its
/// fields and, when every field was well typed, calls `use` with what it read; otherwise
/// answers 400 or 422 naming every bad field.
template <class Read, class Use>
Response WithBody(const Request& req, Read read, Use use, bool optional = false) {
    auto body = ParseObject(req, optional);
    if (!body) {
        return ProblemResponse(body.error());
    }
    Validation v;
    FieldReader f(*body, v);
    auto input = read(f);
    if (!v.ok()) {
        return ProblemResponse(v.ToError());
    }
    return use(std::move(input));
}

/// A stored file as a download: its type, an ETag (304 on If-None-Match), inline for types a
/// browser shows without running anything (PDF, images, text) unless `?download=1`, and a
/// sandboxing policy so that nothing in it runs in sige's origin.
Response FileResponse(const app::AttachmentContent& content, const Request& request);

}  // namespace sige::http
