#pragma once

// The head of the audit chain, e-mailed once a day to people outside the system
// (docs/OPERATIONS.md, "anchor the head"). The chain shows that no event was changed
// without recomputing every later hash; a hash kept by someone the database administrator
// cannot reach shows that nobody recomputed them.

#include <string>
#include <vector>

#include "app/env.hpp"

namespace sige::app {

/// Queues today's anchor (in `env.zone`) to each address in `to` that has not had it yet,
/// whichever node queued it; returns how many were queued. Nothing while the chain is empty.
int QueueDailyAuditAnchor(Env& env, const std::vector<std::string>& to);

}  // namespace sige::app
