#include "storage/submission_store.hpp"

namespace sige::storage {

using domain::Submission;
using domain::SubmissionFile;

namespace {

// Submissions the desk sees (filed, not drafts), of an organisation or all (NULL), in a
// state or any (NULL); binds organisation twice, then the state twice.
constexpr std::string_view kListed =
    "(CAST(? AS BIGINT) IS NULL OR organization_id = ?) AND state <> 'draft' AND "
    "(CAST(? AS TEXT) IS NULL OR state = ?)";

constexpr std::string_view kColumns =
    "id, organization_id, type_id, procedure_id, summary, applicant_name, applicant_id_type, "
    "applicant_id_number, applicant_email, applicant_phone, applicant_address, "
    "applicant_consent, state, number, upload_token_hash, tracking_token, client, created_at, "
    "submitted_at, decided_at, decided_by, observation, correction_deadline, rejection_reason, "
    "dossier_id";

Submission ReadSubmission(const Row& r) {
    Submission s;
    s.id = r.Int(0);
    s.organization_id = r.GetId<OrganizationId>(1);
    s.type_id = r.GetId<DossierTypeId>(2);
    s.procedure_id = r.OptInt(3);
    s.summary = r.Text(4);
    s.applicant.name = r.Text(5);
    s.applicant.id_type = domain::ParseIdType(r.Text(6)).value_or(domain::IdType::kDni);
    s.applicant.id_number = r.Text(7);
    s.applicant.email = r.Text(8);
    s.applicant.phone = r.Text(9);
    s.applicant.address = r.Text(10);
    s.applicant.consent = r.Bool(11);
    s.state = domain::ParseSubmissionState(r.Text(12)).value_or(domain::SubmissionState::kDraft);
    s.number = r.Text(13);
    s.upload_token_hash = r.Text(14);
    s.tracking_token = r.Text(15);
    s.client = r.Text(16);
    s.created_at = r.Time(17);
    s.submitted_at = r.OptTime(18);
    s.decided_at = r.OptTime(19);
    s.decided_by = r.OptId<UserId>(20);
    s.observation = r.Text(21);
    s.correction_deadline = r.OptTime(22);
    s.rejection_reason = r.Text(23);
    s.dossier_id = r.OptId<DossierId>(24);
    return s;
}

std::string Select(std::string_view rest) {
    return "SELECT " + std::string(kColumns) + " FROM submission " + std::string(rest);
}

std::optional<Submission> One(std::optional<Row> r) {
    if (!r) {
        return std::nullopt;
    }
    return ReadSubmission(*r);
}

std::optional<std::string> StateFilter(std::optional<domain::SubmissionState> state) {
    if (!state) {
        return std::nullopt;
    }
    return std::string(domain::ToString(*state));
}

}  // namespace

std::optional<Submission> Submissions::Find(std::int64_t id) {
    return One(tx_.QueryOne(Select("WHERE id = ?"), {id}));
}

std::optional<Submission> Submissions::FindForUpdate(std::int64_t id) {
    return One(tx_.QueryOne(Select("WHERE id = ?") + std::string(tx_.dialect().ForUpdate()), {id}));
}

std::optional<Submission> Submissions::FindByTrackingToken(const std::string& token) {
    return One(tx_.QueryOne(Select("WHERE tracking_token = ?"), {token}));
}

std::optional<Submission> Submissions::FindByDossier(DossierId dossier) {
    return One(tx_.QueryOne(Select("WHERE dossier_id = ?"), {dossier}));
}

std::int64_t Submissions::Insert(const Submission& s) {
    auto r = tx_.QueryOne(
        "INSERT INTO submission (organization_id, type_id, procedure_id, summary, applicant_name, "
        "applicant_id_type, applicant_id_number, applicant_email, applicant_phone, "
        "applicant_address, applicant_consent, state, upload_token_hash, tracking_token, client, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {s.organization_id, s.type_id, s.procedure_id, s.summary, s.applicant.name,
         domain::ToString(s.applicant.id_type), s.applicant.id_number, s.applicant.email,
         s.applicant.phone, s.applicant.address, s.applicant.consent, domain::ToString(s.state),
         s.upload_token_hash, s.tracking_token, s.client, s.created_at});
    return r->Int(0);
}

void Submissions::Update(const Submission& s) {
    std::optional<std::string> number;
    if (!s.number.empty()) {
        number = s.number;
    }
    tx_.Execute(
        "UPDATE submission SET state = ?, number = ?, submitted_at = ?, decided_at = ?, "
        "decided_by = ?, observation = ?, correction_deadline = ?, rejection_reason = ?, "
        "dossier_id = ? WHERE id = ?",
        {domain::ToString(s.state), number, s.submitted_at, s.decided_at, s.decided_by,
         s.observation, s.correction_deadline, s.rejection_reason, s.dossier_id, s.id});
}

std::vector<Submission> Submissions::List(std::optional<OrganizationId> organization,
                                          std::optional<domain::SubmissionState> state,
                                          int limit,
                                          int offset) {
    std::vector<Submission> out;
    const auto filter = StateFilter(state);
    for (const auto& r : tx_.Query(Select("WHERE " + std::string(kListed) +
                                          " ORDER BY submitted_at, id LIMIT ? OFFSET ?"),
                                   {organization, organization, filter, filter, limit, offset})) {
        out.push_back(ReadSubmission(r));
    }
    return out;
}

std::int64_t Submissions::Count(std::optional<OrganizationId> organization,
                                std::optional<domain::SubmissionState> state) {
    const auto filter = StateFilter(state);
    return tx_
        .QueryOne("SELECT COUNT(*) FROM submission WHERE " + std::string(kListed),
                  {organization, organization, filter, filter})
        ->Int(0);
}

std::int64_t Submissions::NextNumber(OrganizationId organization, int year) {
    return NextYearNumber(tx_, "submission_counter", organization, year);
}

int Submissions::CountCreatedBy(const std::string& client, Timestamp since) {
    return int(tx_.QueryOne("SELECT COUNT(*) FROM submission WHERE client = ? AND created_at >= ?",
                            {client, since})
                   ->Int(0));
}

int Submissions::PurgeDrafts(Timestamp before) {
    tx_.Execute(
        "DELETE FROM submission_attachment WHERE submission_id IN "
        "(SELECT id FROM submission WHERE state = 'draft' AND created_at < ?)",
        {before});
    return int(
        tx_.Execute("DELETE FROM submission WHERE state = 'draft' AND created_at < ?", {before}));
}

std::vector<SubmissionFile> Submissions::Files(std::int64_t submission) {
    std::vector<SubmissionFile> out;
    for (const auto& r : tx_.Query("SELECT id, submission_id, name, content_type, size, sha256, "
                                   "created_at FROM submission_attachment "
                                   "WHERE submission_id = ? ORDER BY id",
                                   {submission})) {
        out.push_back(SubmissionFile{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5),
                                     r.Time(6)});
    }
    return out;
}

std::int64_t Submissions::AddFile(const SubmissionFile& f) {
    return tx_
        .QueryOne(
            "INSERT INTO submission_attachment (submission_id, name, content_type, size, sha256, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            {f.submission_id, f.name, f.content_type, f.size, f.sha256, f.created_at})
        ->Int(0);
}

}  // namespace sige::storage
