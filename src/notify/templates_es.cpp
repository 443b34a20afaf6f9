#include "notify/templates_es.hpp"

#include <utility>
#include <vector>

namespace sige::notify {

namespace {

using Lines = std::vector<std::pair<std::string, std::string>>;

/// One layout for every notice: greeting, the news, the facts, the tracking link.
Email Compose(const Notice& n, std::string subject, const std::string& news, const Lines& facts) {
    Email e;
    e.to = n.to;
    e.subject = std::move(subject);
    const std::string greeting = "Estimado(a) " + n.applicant + ":";
    e.text = greeting + "\n\n" + news + "\n\n";
    for (const auto& [label, value] : facts) {
        e.text += label + ": " + value + "\n";
    }
    e.text += "\nSiga su expediente en cualquier momento:\n" + n.tracking_url + "\n\n" +
              n.organization +
              "\nEste mensaje se envió automáticamente; no responda a esta dirección.\n";

    e.html = "<!doctype html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>" +
             EscapeHtml(e.subject) +
             "</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;color:#1f2933;"
             "max-width:560px;margin:0 auto;padding:16px\">";
    e.html += "<p style=\"color:#52606d;margin:0 0 12px\">" + EscapeHtml(n.organization) + "</p>";
    e.html += "<p>" + EscapeHtml(greeting) + "</p><p style=\"font-size:17px\">" + EscapeHtml(news) +
              "</p><table style=\"border-collapse:collapse;margin:12px 0\">";
    for (const auto& [label, value] : facts) {
        e.html +=
            "<tr><th style=\"text-align:left;padding:4px 12px 4px 0;color:#52606d;"
            "font-weight:normal\">" +
            EscapeHtml(label) + "</th><td style=\"padding:4px 0\"><strong>" + EscapeHtml(value) +
            "</strong></td></tr>";
    }
    e.html += "</table><p><a href=\"" + EscapeHtml(n.tracking_url) +
              "\" style=\"display:inline-block;background:#0b5cab;color:#fff;padding:10px 16px;"
              "border-radius:4px;text-decoration:none\">Ver el estado de mi expediente</a></p>";
    e.html +=
        "<p style=\"font-size:12px;color:#52606d\">Si el botón no funciona, copie este "
        "enlace en su navegador: " +
        EscapeHtml(n.tracking_url) +
        "<br>Este mensaje se envió automáticamente; no responda a esta dirección.</p>"
        "</body></html>";
    return e;
}

}  // namespace

std::string EscapeHtml(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

Email RegisteredEmail(const Notice& n) {
    return Compose(n, "Su expediente " + n.code + " fue registrado",
                   "Su expediente fue registrado en " + n.unit + ". Le adjuntamos el cargo.",
                   {{"Expediente", n.code},
                    {"Asunto", n.summary},
                    {"Fecha y hora", n.when},
                    {"PIN de consulta", n.pin}});
}

Email TransferredEmail(const Notice& n) {
    return Compose(n, "Su expediente " + n.code + " pasó a " + n.unit,
                   "Su expediente fue enviado a " + n.unit + ".",
                   {{"Expediente", n.code},
                    {"Asunto", n.summary},
                    {"Destino", n.unit},
                    {"Fecha y hora", n.when}});
}

Email ArchivedEmail(const Notice& n) {
    return Compose(n, "Su expediente " + n.code + " fue archivado",
                   "El trámite de su expediente concluyó y fue archivado en " + n.unit + ".",
                   {{"Expediente", n.code}, {"Asunto", n.summary}, {"Fecha y hora", n.when}});
}

Email CompletedEmail(const Notice& n) {
    return Compose(n, "Su expediente " + n.code + " fue resuelto",
                   "El trámite de su expediente concluyó en " + n.unit + ".",
                   {{"Expediente", n.code}, {"Asunto", n.summary}, {"Fecha y hora", n.when}});
}

Email SubmissionReceivedEmail(const Notice& n) {
    return Compose(n, "Recibimos su solicitud " + n.number,
                   "Su solicitud llegó a la mesa de partes virtual. La revisaremos y le avisaremos "
                   "por este medio.",
                   {{"Solicitud", n.number}, {"Asunto", n.summary}, {"Fecha y hora", n.when}});
}

Email AcceptedEmail(const Notice& n) {
    return Compose(
        n, "Su solicitud " + n.number + " es el expediente " + n.code,
        "Su solicitud fue aceptada y registrada como expediente. Le adjuntamos el cargo.",
        {{"Solicitud", n.number},
         {"Expediente", n.code},
         {"Asunto", n.summary},
         {"Fecha y hora", n.when},
         {"PIN de consulta", n.pin}});
}

Email ObservedEmail(const Notice& n) {
    return Compose(n, "Su solicitud " + n.number + " tiene observaciones",
                   "La mesa de partes observó su solicitud. Subsánela desde el enlace de "
                   "seguimiento antes del " +
                       n.deadline + ".",
                   {{"Solicitud", n.number}, {"Observación", n.reason}, {"Plazo", n.deadline}});
}

Email RejectedEmail(const Notice& n) {
    return Compose(n, "Su solicitud " + n.number + " no fue admitida",
                   "La mesa de partes no admitió su solicitud.",
                   {{"Solicitud", n.number}, {"Motivo", n.reason}, {"Fecha y hora", n.when}});
}

Email AuditAnchorEmail(const AnchorNotice& n) {
    Email e;
    e.to = n.to;
    e.subject = "Ancla del registro de auditoría de sige, " + n.when.substr(0, 10);
    const std::string anchor = std::to_string(n.seq) + ":" + n.hash;
    const std::string intro = "El " + n.when.substr(0, 10) + " a las " + n.when.substr(11) +
                              ", el registro de auditoría de sige en " + n.installation +
                              " llegaba al evento " + std::to_string(n.seq) + ", cuyo hash es:";
    const std::string keep =
        "Guarde este correo fuera del sistema. Con él, cualquiera puede comprobar más adelante "
        "que nadie reescribió el registro desde hoy, ni lo reemplazó por una copia anterior:";
    const std::string footer =
        "Este mensaje se envió automáticamente una vez al día; no responda a esta dirección.";
    e.text = intro + "\n\n  " + n.hash + "\n\n" + keep + "\n\n  sige audit verify --anchor " +
             anchor + "\n\n" + footer + "\n";
    e.html = "<!doctype html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>" +
             EscapeHtml(e.subject) +
             "</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;color:#1f2933;"
             "max-width:560px;margin:0 auto;padding:16px\"><p>" +
             EscapeHtml(intro) + "</p><p><code style=\"word-break:break-all\">" +
             EscapeHtml(n.hash) + "</code></p><p>" + EscapeHtml(keep) +
             "</p><pre style=\"white-space:pre-wrap;word-break:break-all\">sige audit verify "
             "--anchor " +
             EscapeHtml(anchor) + "</pre><p style=\"font-size:12px;color:#52606d\">" +
             EscapeHtml(footer) + "</p></body></html>";
    return e;
}

}  // namespace sige::notify
