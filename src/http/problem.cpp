#include "http/problem.hpp"

#include <boost/json.hpp>

#include "core/messages_es.hpp"

namespace sige::http {

namespace json = boost::json;

namespace {

struct StatusInfo {
    int status;
    const char* type;   // stable identifier a client can switch on
    const char* title;  // Spanish, short
};

constexpr StatusInfo kStatuses[] = {
    {400, "solicitud-mal-formada", "Solicitud mal formada"},
    {401, "autenticacion-requerida", "Autenticación requerida"},
    {403, "accion-no-permitida", "Acción no permitida"},
    {404, "no-encontrado", "No encontrado"},
    {405, "metodo-no-permitido", "Método no permitido"},
    {409, "conflicto-de-estado", "Conflicto con el estado actual"},
    {413, "contenido-demasiado-grande", "Contenido demasiado grande"},
    {422, "datos-invalidos", "Datos inválidos"},
    {429, "demasiados-intentos", "Demasiados intentos"},
    {500, "error-interno", "Error interno"},
    {503, "no-disponible", "Servicio no disponible"},
};

const StatusInfo& Info(int status) {
    for (const auto& s : kStatuses) {
        if (s.status == status) {
            return s;
        }
    }
    return kStatuses[0];
}

Response Build(int status, const std::string& detail, const json::array* errors) {
    const auto& info = Info(status);
    json::object o;
    o["type"] = std::string("urn:sige:problema:") + info.type;
    o["title"] = info.title;
    o["status"] = status;
    o["detail"] = detail;
    if (errors != nullptr && !errors->empty()) {
        o["errors"] = *errors;
    }
    Response r;
    r.status = status;
    r.content_type = "application/problem+json";
    r.body = json::serialize(o);
    return r;
}

}  // namespace

int HttpStatus(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidInput:
            return 422;
        case ErrorCode::kMalformed:
            return 400;
        case ErrorCode::kUnauthenticated:
            return 401;
        case ErrorCode::kForbidden:
            return 403;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kConflict:
            return 409;
        case ErrorCode::kTooLarge:
            return 413;
        case ErrorCode::kThrottled:
            return 429;
        case ErrorCode::kUnavailable:
            return 503;
    }
    return 500;
}

std::string ProblemMessage(const Error& error) {
    std::vector<std::string> args = error.args;
    if (error.code == ErrorCode::kThrottled && args.empty()) {
        args.push_back(std::to_string(error.retry_after_seconds));
    }
    return MessageEs(error.message_key, args);
}

void AddProblemHeaders(Response& r, const Error& error) {
    if (error.code == ErrorCode::kThrottled) {
        r.SetHeader("Retry-After", std::to_string(std::max(1, error.retry_after_seconds)));
    }
    if (error.code == ErrorCode::kUnauthenticated) {
        r.SetHeader("WWW-Authenticate", "Bearer");
    }
}

Response ProblemResponse(const Error& error) {
    json::array errors;
    for (const auto& f : error.fields) {
        errors.push_back(
            json::object{{"field", f.field}, {"message", MessageEs(f.message_key, f.args)}});
    }
    std::string detail = ProblemMessage(error);
    if (!error.fields.empty()) {
        // Name the field in the detail too, for API users reading only that line.
        detail = error.fields.front().field + ": " + detail;
        if (error.fields.size() > 1) {
            detail += " (y " + std::to_string(error.fields.size() - 1) + " dato(s) más)";
        }
    }
    Response r = Build(HttpStatus(error.code), detail, &errors);
    AddProblemHeaders(r, error);
    return r;
}

Response ProblemResponse(int status,
                         const std::string& message_key,
                         const std::vector<std::string>& args) {
    return Build(status, MessageEs(message_key, args), nullptr);
}

}  // namespace sige::http
