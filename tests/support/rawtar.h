#pragma once

// Tar bytes written block by block, for the tests of damaged and hostile layers that no
// well-behaved writer produces (a PAX path holding a NUL, a regular file named "a/", a header
// claiming an absurd size). Well-formed layers come from strata_imagewriter instead.

#include <QByteArray>

#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace strata::test {

class RawTar
{
public:
    // A ustar header block (name up to 99 bytes) and `data` padded to 512 bytes. `size`
    // is what the header claims (-1: the data's size).
    RawTar &entry(const std::string &name, char type, const QByteArray &data = {},
                  long long size = -1, const std::string &link = {}, unsigned mode = 0644)
    {
        m_bytes += header(name, type, size < 0 ? data.size() : size, link, mode);
        m_bytes += padded(data);
        return *this;
    }
    // A PAX extended header ('x') with these records ("key=value"), for the entry after it.
    // Each record is written as "LEN key=value\n" unless `raw` gives the bytes themselves.
    RawTar &pax(const std::vector<std::pair<std::string, std::string>> &records,
                const QByteArray &raw = {})
    {
        QByteArray body = raw;
        for (const auto &[key, value] : records)
            body += record(key, value);
        return entry("PaxHeaders/x", 'x', body);
    }
    // The two zero blocks that end a tar.
    QByteArray finish() const { return m_bytes + QByteArray(1024, '\0'); }

    static QByteArray record(const std::string &key, const std::string &value)
    {
        // The length counts itself: find the fixed point.
        const size_t text = key.size() + value.size() + 3; // ' ', '=', '\n'
        size_t length = text + 1;
        while (std::to_string(length).size() + text != length)
            ++length;
        const std::string line = std::to_string(length) + ' ' + key + '=' + value + '\n';
        return QByteArray(line.data(), qsizetype(line.size()));
    }

    static QByteArray header(const std::string &name, char type, long long size,
                             const std::string &link = {}, unsigned mode = 0644)
    {
        QByteArray block(512, '\0');
        std::memcpy(block.data(), name.data(), std::min<size_t>(name.size(), 99));
        octal(block, 100, 8, mode);
        octal(block, 108, 8, 0);
        octal(block, 116, 8, 0);
        octal(block, 124, 12, size);
        octal(block, 136, 12, 1705312800);
        block[156] = type;
        std::memcpy(block.data() + 157, link.data(), std::min<size_t>(link.size(), 99));
        std::memcpy(block.data() + 257,
                    "ustar\0"
                    "00",
                    8);
        std::memset(block.data() + 148, ' ', 8);
        unsigned sum = 0;
        for (char c : block)
            sum += static_cast<unsigned char>(c);
        std::snprintf(block.data() + 148, 8, "%06o", sum);
        block[155] = ' ';
        return block;
    }

private:
    static void octal(QByteArray &block, int offset, int width, long long value)
    {
        char digits[32];
        std::snprintf(digits, sizeof digits, "%0*llo", width - 1, value);
        std::memcpy(block.data() + offset, digits, size_t(width - 1));
    }
    static QByteArray padded(QByteArray data)
    {
        if (data.size() % 512)
            data += QByteArray(512 - data.size() % 512, '\0');
        return data;
    }

    QByteArray m_bytes;
};

} // namespace strata::test
