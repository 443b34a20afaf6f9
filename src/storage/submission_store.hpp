#pragma once

// Repository of the virtual desk: submissions, their files, their numbering, and the purge
// of abandoned drafts.

#include <optional>
#include <string>
#include <vector>

#include "domain/submission.hpp"
#include "storage/database.hpp"

namespace sige::storage {

class Submissions {
public:
    explicit Submissions(Transaction& tx) : tx_(tx) {}

    std::optional<domain::Submission> Find(std::int64_t id);
    std::optional<domain::Submission> FindForUpdate(std::int64_t id);
    std::optional<domain::Submission> FindByTrackingToken(const std::string& token);
    /// The submission that became `dossier`, if it came from the virtual desk.
    std::optional<domain::Submission> FindByDossier(DossierId dossier);
    std::int64_t Insert(const domain::Submission& submission);
    /// Writes state, number, dates, decision and dossier.
    void Update(const domain::Submission& submission);
    /// Submitted (not draft) submissions of `organization` in `state` (any when nullopt),
    /// oldest first.
    /// (Every organisation when `organization` is nullopt.)
    std::vector<domain::Submission> List(std::optional<OrganizationId> organization,
                                         std::optional<domain::SubmissionState> state,
                                         int limit,
                                         int offset);
    std::int64_t Count(std::optional<OrganizationId> organization,
                       std::optional<domain::SubmissionState> state);
    /// The next number of `organization` in `year`, gapless as dossier numbers are.
    std::int64_t NextNumber(OrganizationId organization, int year);
    /// Drafts created by `client` since `since` (to throttle the public form).
    int CountCreatedBy(const std::string& client, Timestamp since);
    /// Removes drafts created before `before` that were never submitted, with their file
    /// rows; returns how many. (Drafts are not records: they never reached the desk.)
    int PurgeDrafts(Timestamp before);

    std::vector<domain::SubmissionFile> Files(std::int64_t submission);
    /// Returns the new file's id.
    std::int64_t AddFile(const domain::SubmissionFile& file);

private:
    Transaction& tx_;
};

}  // namespace sige::storage
