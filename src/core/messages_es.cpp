#include "core/messages_es.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace sige {

namespace {

// Grouped by area; sorted once at first use for the lookups.
constexpr std::pair<std::string_view, std::string_view> kMessages[] = {
    {"access.admin_only", "Solo un administrador puede hacer esto."},
    {"access.no_global_query", "Su perfil no permite la consulta global."},
    {"access.no_unit", "Su usuario no pertenece a ninguna unidad."},
    {"access.not_author", "Solo quien escribió la anotación, o un administrador, puede quitarla."},
    {"access.not_destination", "El pase no está dirigido a su unidad."},
    {"access.not_main_desk",
     "Las solicitudes de la mesa virtual las atiende la mesa de partes principal de la "
     "organización."},
    {"access.not_in_custody", "El expediente no está en poder de su unidad."},
    {"access.other_unit", "Solo puede actuar en nombre de su propia unidad."},
    {"access.outside_route", "El expediente no pasó por su unidad: no tiene acceso a su detalle."},
    {"access.profile", "Su perfil no permite esta acción."},
    {"access.read_only", "Su unidad recibió el expediente solo con permiso de lectura."},
    {"access.receipt",
     "Solo la unidad que registró el expediente (o su mesa de partes) puede imprimir su cargo."},
    {"access.reads_for_auditors",
     "Solo un administrador o una autoridad puede ver las consultas del expediente."},
    {"annotation.not_found", "La anotación no existe."},
    {"attachment.bad_name",
     "El nombre del archivo no puede contener barras ni caracteres de control."},
    {"attachment.empty", "El archivo está vacío: envíe su contenido en el cuerpo de la solicitud."},
    {"attachment.not_found", "El archivo adjunto no existe."},
    {"attachment.too_large", "El archivo supera el límite de {} MB."},
    {"auth.bad_credentials", "Usuario o contraseña incorrectos."},
    {"auth.csrf", "Falta el token CSRF de la sesión (cabecera X-CSRF-Token) o no coincide."},
    {"auth.inactive", "La cuenta está desactivada. Consulte con el administrador."},
    {"auth.required", "Debe iniciar sesión."},
    {"auth.session_expired", "La sesión no existe o expiró. Vuelva a iniciar sesión."},
    {"auth.throttled",
     "Demasiados intentos fallidos. Espere {} segundos antes de volver a intentar."},
    {"catalog.code",
     "El código debe tener de 1 a 20 letras mayúsculas, dígitos, guiones o guiones bajos."},
    {"catalog.code_taken", "Ya existe un registro con ese código."},
    {"catalog.time_zone", "La zona horaria no existe (use un nombre IANA, p. ej. America/Lima)."},
    {"delivery_note.not_found", "El remito no existe."},
    {"dossier.already_resolved", "El expediente ya está resuelto."},
    {"dossier.annulled", "El expediente está anulado: no admite cambios."},
    {"dossier.annulment_already_requested", "Ya se solicitó la anulación de este expediente."},
    {"dossier.applicant_required", "Un expediente externo necesita los datos del administrado."},
    {"dossier.archived", "El expediente está archivado: desarchívelo antes de cambiarlo."},
    {"dossier.consent_needs_email",
     "Para avisar por correo hace falta el correo electrónico del administrado."},
    {"dossier.in_transit", "El expediente tiene un pase pendiente de recepción."},
    {"dossier.letters", "Las letras distintivas son hasta {} letras o dígitos, sin espacios."},
    {"dossier.letters_fixed",
     "Las letras distintivas forman parte del código y no se pueden cambiar."},
    {"dossier.not_archived", "El expediente no está archivado."},
    {"dossier.not_deletable", "Los expedientes nunca se eliminan. Solicite su anulación."},
    {"dossier.not_found", "El expediente no existe."},
    {"dossier.origin_fixed", "El origen (externo o interno) no se puede cambiar."},
    {"dossier.procedure_unknown", "El procedimiento no existe en el catálogo."},
    {"dossier.type_inactive", "El tipo de expediente está desactivado."},
    {"dossier.type_not_external", "El tipo de expediente es interno y el expediente es externo."},
    {"dossier.type_not_internal", "El tipo de expediente es externo y el expediente es interno."},
    {"dossier.type_unknown", "El tipo de expediente no existe en la organización."},
    {"dossier.unit_required", "Indique la unidad donde se registra el expediente."},
    {"dossier_type.not_found", "El tipo de expediente no existe."},
    {"field.bad_characters", "Contiene caracteres no permitidos."},
    {"field.email", "No es un correo electrónico válido."},
    {"field.enum", "Valor no válido. Use uno de: {}."},
    {"field.id", "Debe ser un identificador: un número entero positivo."},
    {"field.phone", "No es un teléfono válido (6 a 15 dígitos)."},
    {"field.range", "Debe estar entre {} y {}."},
    {"field.required", "Este dato es obligatorio."},
    {"field.too_long", "Admite como máximo {} caracteres."},
    {"field.too_short", "Debe tener al menos {} caracteres."},
    {"field.type_array", "Debe ser una lista."},
    {"field.type_boolean", "Debe ser verdadero o falso (true/false)."},
    {"field.type_date", "Debe ser una fecha AAAA-MM-DD o un instante ISO 8601 con zona."},
    {"field.type_integer", "Debe ser un número entero."},
    {"field.type_object", "Debe ser un objeto."},
    {"field.type_text", "Debe ser un texto."},
    {"identity.ce", "El carné de extranjería tiene de 9 a 12 letras o dígitos."},
    {"identity.dni", "El DNI tiene 8 dígitos."},
    {"identity.passport", "El pasaporte tiene de 6 a 12 letras o dígitos."},
    {"identity.ruc",
     "El RUC no es válido: 11 dígitos que empiezan con 10, 15, 17 o 20 y terminan en su dígito "
     "verificador."},
    {"identity.type", "Tipo de documento no válido. Use DNI, RUC, CE o PASSPORT."},
    {"organization.not_found", "La organización no existe."},
    {"request.body_too_large", "El cuerpo de la solicitud supera el límite de {} KB."},
    {"request.malformed", "La solicitud HTTP no se pudo leer."},
    {"request.malformed_json", "El cuerpo no es JSON válido."},
    {"request.method_not_allowed", "Método no permitido en esta ruta."},
    {"request.no_such_id", "No existe: el identificador de la ruta no es válido."},
    {"request.not_found", "La ruta no existe."},
    {"request.not_object", "El cuerpo debe ser un objeto JSON."},
    {"server.internal", "Ocurrió un error interno. Se registró con el identificador {}."},
    {"server.unavailable", "El almacenamiento no está disponible."},
    {"printout.applicant_ce", "Carné de extranjería"},
    {"printout.applicant_dni", "DNI"},
    {"printout.applicant_passport", "Pasaporte"},
    {"printout.applicant_ruc", "RUC"},
    {"printout.external", "Externo"},
    {"printout.internal", "Interno"},
    {"printout.permission_read", "Lectura"},
    {"printout.permission_write", "Escritura"},
    {"state.annulled", "Anulado"},
    {"state.archived", "Archivado"},
    {"state.in_process", "En trámite"},
    {"state.observed", "Observado"},
    {"state.registered", "Registrado"},
    {"state.rejected", "No admitido"},
    {"state.resolved", "Resuelto"},
    {"state.submitted", "Presentado, en revisión"},
    {"submission.closed", "La solicitud ya no admite cambios."},
    {"submission.deadline_passed", "Venció el plazo para subsanar la solicitud."},
    {"submission.deadline_past", "El plazo para subsanar debe ser una fecha futura."},
    {"submission.email_required",
     "Indique su correo electrónico: allí recibirá el cargo y los avisos."},
    {"submission.file_too_large", "Cada archivo admite como máximo {} MB."},
    {"submission.file_type",
     "Solo se aceptan documentos PDF e imágenes JPG o PNG (el archivo no lo es)."},
    {"submission.not_found", "La solicitud no existe."},
    {"submission.not_waiting", "La solicitud no está pendiente de revisión."},
    {"submission.too_many_files", "Se admiten como máximo {} archivos por solicitud."},
    {"submission.total_too_large", "Los archivos suman más de {} MB."},
    {"submission.upload_token",
     "Falta el código de subida de la solicitud (cabecera X-Upload-Token) o no coincide."},
    {"tracking.bad_code_or_pin",
     "No encontramos un expediente con ese número y PIN. Revise ambos datos del cargo."},
    {"tracking.event.accepted", "Aceptado por la mesa de partes"},
    {"tracking.event.annulled", "Anulado"},
    {"tracking.event.annulled.reserved", "Anulado"},
    {"tracking.event.archived", "Archivado"},
    {"tracking.event.archived.reserved", "Archivado"},
    {"tracking.event.corrected", "Subsanado por el administrado"},
    {"tracking.event.corrected.reserved", "Subsanado por el administrado"},
    {"tracking.event.observed", "Observado por la mesa de partes"},
    {"tracking.event.observed.reserved", "Observado"},
    {"tracking.event.received", "Recibido en {}"},
    {"tracking.event.received.reserved", "Recibido"},
    {"tracking.event.registered", "Registrado en {}"},
    {"tracking.event.registered.reserved", "Registrado"},
    {"tracking.event.rejected", "No admitido por la mesa de partes"},
    {"tracking.event.rejected.reserved", "No admitido"},
    {"tracking.event.reopened", "Reabierto"},
    {"tracking.event.reopened.reserved", "Reabierto"},
    {"tracking.event.resolved", "Resuelto"},
    {"tracking.event.resolved.reserved", "Resuelto"},
    {"tracking.event.reverted", "Pase corregido: vuelve a {}"},
    {"tracking.event.reverted.reserved", "Pase corregido"},
    {"tracking.event.sent", "Enviado a {}"},
    {"tracking.event.sent.reserved", "Enviado"},
    {"tracking.event.submitted", "Presentado en la mesa de partes virtual"},
    {"tracking.event.submitted.reserved", "Presentado"},
    {"tracking.form.code", "Número de expediente"},
    {"tracking.form.intro", "Escriba el número de expediente y el PIN que figuran en su cargo."},
    {"tracking.form.pin", "PIN"},
    {"tracking.form.submit", "Consultar"},
    {"tracking.form.title", "Consultar mi expediente"},
    {"tracking.page.correct", "Subsanar la solicitud"},
    {"tracking.page.correct_expired", "El plazo para subsanarla venció el {}."},
    {"tracking.page.correct_until", "Puede subsanarla hasta el {}."},
    {"tracking.page.deadline", "Plazo de atención"},
    {"tracking.page.desk", "Mesa de partes"},
    {"tracking.page.dossier", "Expediente {}"},
    {"tracking.page.footer",
     "Esta página muestra el estado de su trámite. No necesita acudir a la oficina para saber "
     "quién tiene su expediente."},
    {"tracking.page.header", "Seguimiento de trámite"},
    {"tracking.page.number", "Solicitud en la mesa virtual"},
    {"tracking.page.observation", "Observación de la mesa de partes"},
    {"tracking.page.organization", "Entidad"},
    {"tracking.page.overdue", "Plazo vencido el"},
    {"tracking.page.rejected", "Motivo"},
    {"tracking.page.since", "Desde"},
    {"tracking.page.staff", "({})"},
    {"tracking.page.submission", "Solicitud {}"},
    {"tracking.page.summary", "Asunto"},
    {"tracking.page.timeline", "Movimientos"},
    {"tracking.page.unit", "Lo tiene"},
    {"tracking.not_found", "El enlace de seguimiento no es válido."},
    {"transfer.already_received", "El pase ya fue recibido."},
    {"transfer.already_reverted", "El pase ya fue revertido."},
    {"transfer.bulk_other_unit",
     "Todos los expedientes de un remito deben salir de la misma unidad."},
    {"transfer.not_found", "El pase no existe."},
    {"transfer.not_latest", "Después de este pase hubo otro: revierta primero el último."},
    {"transfer.not_pending", "El pase ya no está pendiente de recepción."},
    {"transfer.repeated", "El expediente está repetido en la lista."},
    {"transfer.same_unit", "El expediente ya está en esa unidad."},
    {"transfer_action.archive", "Para archivo"},
    {"transfer_action.attend", "Para atención"},
    {"transfer_action.knowledge", "Para conocimiento"},
    {"transfer_action.notify", "Para notificación"},
    {"transfer_action.opinion", "Para opinión"},
    {"transfer_action.report", "Para informe"},
    {"transfer_action.review", "Para revisión"},
    {"transfer_action.sign", "Para firma"},
    {"unit.fixed_field", "El código, la organización y la unidad superior no se pueden cambiar."},
    {"unit.inactive", "La unidad está desactivada."},
    {"unit.not_found", "La unidad no existe."},
    {"unit.parent_other_organization",
     "La unidad superior debe existir y ser de la misma organización."},
    {"unit.unknown", "La unidad no existe."},
    {"user.not_found", "El usuario no existe."},
    {"user.not_yourself",
     "No puede desactivarse ni quitarse el perfil de administrador a sí mismo."},
    {"user.password_short", "La contraseña debe tener al menos {} caracteres."},
    {"user.unit_required", "Todo usuario, salvo un administrador, pertenece a una unidad."},
    {"user.username",
     "El usuario tiene de 3 a 40 caracteres: minúsculas, dígitos, punto, guion o guion bajo."},
    {"user.username_fixed", "El nombre de usuario no se puede cambiar."},
    {"user.username_taken", "Ya existe un usuario con ese nombre."},
};

using Entry = std::pair<std::string_view, std::string_view>;

const std::vector<Entry>& Sorted() {
    static const std::vector<Entry> sorted = [] {
        std::vector<Entry> v(std::begin(kMessages), std::end(kMessages));
        std::sort(v.begin(), v.end());
        return v;
    }();
    return sorted;
}

std::string_view Lookup(std::string_view key) {
    const auto& table = Sorted();
    auto it =
        std::lower_bound(table.begin(), table.end(), key,
                         [](const Entry& entry, std::string_view k) { return entry.first < k; });
    if (it != table.end() && it->first == key) {
        return it->second;
    }
    return {};
}

}  // namespace

bool HasMessageEs(std::string_view key) {
    return !Lookup(key).empty();
}

std::string MessageEs(std::string_view key, const std::vector<std::string>& args) {
    std::string_view text = Lookup(key);
    if (text.empty()) {
        return std::string(key);
    }
    std::string out;
    std::size_t next = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '}') {
            out += next < args.size() ? args[next] : "";
            ++next;
            ++i;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

bool MessageKeysAreUnique() {
    const auto& table = Sorted();
    return std::adjacent_find(table.begin(), table.end(), [](const Entry& a, const Entry& b) {
               return a.first == b.first;
           }) == table.end();
}

}  // namespace sige
