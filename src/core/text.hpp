#pragma once

// Text checks shared by every layer: UTF-8 validity, trimming, length in characters.

#include <cstddef>
#include <string>
#include <string_view>

namespace sige::text {

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);
/// Number of code points; precondition: IsValidUtf8(s).
std::size_t Utf8Length(std::string_view s);
/// True when `s` holds a C0 control other than tab, or DEL. With `allow_newlines`, \n and \r pass.
bool HasControlChars(std::string_view s, bool allow_newlines = false);
/// `s` without leading and trailing ASCII white space.
std::string Trim(std::string_view s);
/// ASCII upper case; other bytes unchanged.
std::string ToUpperAscii(std::string_view s);
/// True when every byte is an ASCII digit and s is not empty.
bool IsDigits(std::string_view s);
/// True when every byte is an ASCII letter or digit and s is not empty.
bool IsAlnumAscii(std::string_view s);
/// True when `s` has the shape of an e-mail address: one @, a dot in the domain, no spaces,
/// at most 254 characters. (Whether it exists is for the mail server to say.)
bool IsPlausibleEmail(std::string_view s);

}  // namespace sige::text
