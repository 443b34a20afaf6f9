#include "domain/identity.hpp"

#include "core/text.hpp"

namespace sige::domain {

bool IsValidRuc(std::string_view ruc) {
    if (ruc.size() != 11 || !text::IsDigits(ruc)) {
        return false;
    }
    const std::string_view prefix = ruc.substr(0, 2);
    if (prefix != "10" && prefix != "15" && prefix != "17" && prefix != "20") {
        return false;
    }
    static constexpr int kWeights[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 10; ++i) {
        sum += (ruc[i] - '0') * kWeights[i];
    }
    int check = 11 - sum % 11;
    if (check == 10) {
        check = 0;
    } else if (check == 11) {
        check = 1;
    }
    return ruc[10] - '0' == check;
}

std::string IdentityProblem(IdType type, std::string_view number) {
    switch (type) {
        case IdType::kDni:
            return number.size() == 8 && text::IsDigits(number) ? "" : "identity.dni";
        case IdType::kRuc:
            return IsValidRuc(number) ? "" : "identity.ruc";
        case IdType::kCe:
            return number.size() >= 9 && number.size() <= 12 && text::IsAlnumAscii(number)
                       ? ""
                       : "identity.ce";
        case IdType::kPassport:
            return number.size() >= 6 && number.size() <= 12 && text::IsAlnumAscii(number)
                       ? ""
                       : "identity.passport";
    }
    return "identity.type";
}

}  // namespace sige::domain
