#include "domain/dossier.hpp"

#include "core/text.hpp"
#include "domain/identity.hpp"

namespace sige::domain {

namespace {

void NormalizeApplicant(Applicant& a) {
    a.name = text::Trim(a.name);
    a.id_number = text::ToUpperAscii(text::Trim(a.id_number));
    a.email = text::Trim(a.email);
    a.phone = text::Trim(a.phone);
    a.address = text::Trim(a.address);
}

/// Checks a text's length in characters and that it holds no control characters.
void CheckText(Validation& v,
               const std::string& field,
               const std::string& value,
               int min_len,
               int max_len,
               bool multiline = false) {
    if (!text::IsValidUtf8(value) || text::HasControlChars(value, multiline)) {
        v.Add(field, "field.bad_characters");
        return;
    }
    auto len = int(text::Utf8Length(value));
    if (len < min_len) {
        v.Add(field, min_len == 1 ? "field.required" : "field.too_short",
              {std::to_string(min_len)});
    } else if (len > max_len) {
        v.Add(field, "field.too_long", {std::to_string(max_len)});
    }
}

bool LooksLikePhone(const std::string& s) {
    int digits = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')') {
            return false;
        }
    }
    return digits >= 6 && digits <= 15;
}

void CheckApplicant(Validation& v, const Applicant& a) {
    CheckText(v, "applicant.name", a.name, 2, 200);
    if (a.id_number.empty()) {
        v.Add("applicant.id_number", "field.required");
    } else if (auto problem = IdentityProblem(a.id_type, a.id_number); !problem.empty()) {
        v.Add("applicant.id_number", problem);
    }
    if (!a.email.empty() && !text::IsPlausibleEmail(a.email)) {
        v.Add("applicant.email", "field.email");
    } else if (a.consent && a.email.empty()) {
        v.Add("applicant.email", "dossier.consent_needs_email");
    }
    if (!a.phone.empty() && !LooksLikePhone(a.phone)) {
        v.Add("applicant.phone", "field.phone");
    }
    if (!a.address.empty()) {
        CheckText(v, "applicant.address", a.address, 0, 300);
    }
}

void CheckCommon(Validation& v, const DossierInput& in) {
    if (in.summary) {
        CheckText(v, "summary", *in.summary, kMinSummaryLength, kMaxSummaryLength);
    }
    if (in.instrument_number && !in.instrument_number->empty()) {
        CheckText(v, "instrument_number", *in.instrument_number, 0, kMaxInstrumentLength);
    }
    if (in.folios && (*in.folios < 0 || *in.folios > kMaxFolios)) {
        v.Add("folios", "field.range", {"0", std::to_string(kMaxFolios)});
    }
    if (in.volumes && (*in.volumes < 0 || *in.volumes > kMaxVolumes)) {
        v.Add("volumes", "field.range", {"0", std::to_string(kMaxVolumes)});
    }
    if (in.applicant) {
        CheckApplicant(v, *in.applicant);
    }
}

}  // namespace

void Normalize(DossierInput& in) {
    if (in.summary) {
        in.summary = text::Trim(*in.summary);
    }
    if (in.letters) {
        in.letters = text::ToUpperAscii(text::Trim(*in.letters));
    }
    if (in.instrument_number) {
        in.instrument_number = text::Trim(*in.instrument_number);
    }
    if (in.applicant) {
        NormalizeApplicant(*in.applicant);
    }
}

Validation ValidateRegistration(const DossierInput& in) {
    Validation v;
    if (!in.type_id) {
        v.Add("type_id", "field.required");
    }
    if (!in.summary) {
        v.Add("summary", "field.required");
    }
    if (!in.origin) {
        v.Add("origin", "field.required");
    }
    if (in.letters && !in.letters->empty() &&
        (in.letters->size() > std::size_t(kMaxLettersLength) || !text::IsAlnumAscii(*in.letters))) {
        v.Add("letters", "dossier.letters", {std::to_string(kMaxLettersLength)});
    }
    if (in.origin == Origin::kExternal && !in.applicant) {
        v.Add("applicant", "dossier.applicant_required");
    }
    CheckCommon(v, in);
    return v;
}

Validation ValidateEdit(const DossierInput& in, const Dossier& current) {
    Validation v;
    if (in.origin && *in.origin != current.origin) {
        v.Add("origin", "dossier.origin_fixed");
    }
    if (in.letters && *in.letters != current.letters) {
        v.Add("letters", "dossier.letters_fixed");
    }
    CheckCommon(v, in);
    return v;
}

std::string FormatDossierCode(std::int64_t number, const std::string& letters, int year) {
    std::string code = std::to_string(number);
    if (!letters.empty()) {
        code += "-" + letters;
    }
    return code + "-" + std::to_string(year);
}

Dossier NewDossier(const DossierInput& in,
                   OrganizationId organization,
                   UnitId unit,
                   UnitId desk,
                   UserId creator,
                   Timestamp now) {
    Dossier d;
    d.organization_id = organization;
    d.type_id = *in.type_id;
    d.summary = *in.summary;
    d.origin = *in.origin;
    d.reserved = in.reserved.value_or(false);
    d.priority = in.priority.value_or(Priority::kNormal);
    d.letters = in.letters.value_or("");
    d.instrument_number = in.instrument_number.value_or("");
    d.folios = in.folios.value_or(0);
    d.volumes = in.volumes.value_or(1);
    d.procedure_id = in.procedure_id;
    d.applicant = in.applicant;
    d.state = DossierState::kRegistered;
    d.registered_unit_id = unit;
    d.desk_unit_id = desk;
    d.custody_unit_id = unit;
    d.custody_permission = Permission::kWrite;
    d.custody_since = now;
    d.created_by = creator;
    d.created_at = now;
    d.updated_at = now;
    return d;
}

void ApplyEdit(Dossier& d, const DossierInput& in, Timestamp now) {
    if (in.type_id) {
        d.type_id = *in.type_id;
    }
    if (in.summary) {
        d.summary = *in.summary;
    }
    if (in.reserved) {
        d.reserved = *in.reserved;
    }
    if (in.priority) {
        d.priority = *in.priority;
    }
    if (in.instrument_number) {
        d.instrument_number = *in.instrument_number;
    }
    if (in.folios) {
        d.folios = *in.folios;
    }
    if (in.volumes) {
        d.volumes = *in.volumes;
    }
    if (in.procedure_id) {
        d.procedure_id = in.procedure_id;
    }
    if (in.applicant) {
        d.applicant = in.applicant;
    }
    d.updated_at = now;
}

Status CheckChangeable(const Dossier& d) {
    if (d.state == DossierState::kAnnulled) {
        return Error(ErrorCode::kConflict, "dossier.annulled");
    }
    if (d.state == DossierState::kArchived) {
        return Error(ErrorCode::kConflict, "dossier.archived");
    }
    if (d.InTransit()) {
        return Error(ErrorCode::kConflict, "dossier.in_transit");
    }
    return Ok();
}

Status Archive(Dossier& d, Timestamp now) {
    SIGE_TRY(CheckChangeable(d));
    d.state_before_archive = d.state;
    d.state = DossierState::kArchived;
    d.updated_at = now;
    return Ok();
}

Status Resolve(Dossier& d, Timestamp now) {
    SIGE_TRY(CheckChangeable(d));
    if (d.state == DossierState::kResolved) {
        return Error(ErrorCode::kConflict, "dossier.already_resolved");
    }
    d.state = DossierState::kResolved;
    d.updated_at = now;
    return Ok();
}

Status Unarchive(Dossier& d, Timestamp now) {
    if (d.state != DossierState::kArchived) {
        return Error(ErrorCode::kConflict, "dossier.not_archived");
    }
    d.state = d.state_before_archive.value_or(DossierState::kInProcess);
    d.state_before_archive.reset();
    d.updated_at = now;
    return Ok();
}

std::optional<FieldError> ReasonProblem(const std::string& reason, const std::string& field) {
    Validation v;
    CheckText(v, field, reason, 0, kMaxReasonLength, /*multiline=*/true);
    if (v.ok()) {
        return std::nullopt;
    }
    return v.ToError().fields.front();
}

Status RequestAnnulment(Dossier& d, UserId by, const std::string& reason, Timestamp now) {
    if (auto problem = ReasonProblem(reason, "reason")) {
        return Error::Field(problem->field, problem->message_key, problem->args);
    }
    if (d.state == DossierState::kAnnulled) {
        return Error(ErrorCode::kConflict, "dossier.annulled");
    }
    if (d.annulment_requested_at) {
        return Error(ErrorCode::kConflict, "dossier.annulment_already_requested");
    }
    d.annulment_requested_at = now;
    d.annulment_requested_by = by;
    d.annulment_request_reason = reason;
    d.updated_at = now;
    return Ok();
}

Status Annul(Dossier& d, UserId by, const std::string& reason, Timestamp now) {
    if (auto problem = ReasonProblem(reason, "reason")) {
        return Error::Field(problem->field, problem->message_key, problem->args);
    }
    if (d.state == DossierState::kAnnulled) {
        return Error(ErrorCode::kConflict, "dossier.annulled");
    }
    if (d.InTransit()) {
        return Error(ErrorCode::kConflict, "dossier.in_transit");
    }
    d.state_before_archive.reset();
    d.state = DossierState::kAnnulled;
    d.annulled_at = now;
    d.annulled_by = by;
    d.annulment_reason = reason.empty() ? d.annulment_request_reason : reason;
    d.updated_at = now;
    return Ok();
}

}  // namespace sige::domain
