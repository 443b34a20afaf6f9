#pragma once

// QR codes (libqrencode): text in, a square of dark and light modules out.

#include <string>
#include <vector>

namespace sige::render {

/// A QR symbol: `size` × `size` modules, row by row, true for dark. No quiet zone: whoever
/// draws it leaves four light modules around it (ISO/IEC 18004).
struct QrCode {
    int size = 0;
    std::vector<bool> modules;
    bool Dark(int x, int y) const {
        return modules[std::size_t(y) * std::size_t(size) + std::size_t(x)];
    }
};

/// Encodes `text` (UTF-8, 8-bit mode) at error correction level M. Throws
/// std::runtime_error when it does not fit in a QR symbol.
QrCode EncodeQr(const std::string& text);

}  // namespace sige::render
