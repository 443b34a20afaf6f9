#pragma once

// Identity documents of applicants (API.md "Identity numbers"): DNI, RUC with its
// modulo-11 check digit, carné de extranjería and passport.

#include <string>
#include <string_view>

#include "domain/model.hpp"

namespace sige::domain {

/// True when `ruc` is 11 digits, starts with 10, 15, 17 or 20, and its last digit is the
/// SUNAT modulo-11 check digit of the first ten (weights 5 4 3 2 7 6 5 4 3 2).
bool IsValidRuc(std::string_view ruc);

/// Empty when `number` is a valid document of `type`; otherwise the message key of why not.
/// DNI: 8 digits. RUC: see IsValidRuc. CE: 9 to 12 letters or digits. PASSPORT: 6 to 12.
std::string IdentityProblem(IdType type, std::string_view number);

}  // namespace sige::domain
